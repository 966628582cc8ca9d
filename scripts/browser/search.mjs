// The recall test: each query is run through the site's own Pagefind bundle
// (/pagefind/pagefind.js, its JS API) inside the browser, under the site's CSP,
// and each expected page must be among the first `top` results (default 10:
// Pagefind splits Chinese queries into short terms and matches any of them,
// so "somewhere among hundreds of results" would test nothing). An entry may
// give Pagefind `filters` (e.g. {"地区": "西宁市"}), as a citizen would pick them.

/**
 * Runs every query of `recall`, each in a freshly loaded page (as a citizen's
 * search starts: Pagefind's ranking depends on the index chunks already
 * loaded, so one page for every query would make the order matter).
 * `open()` resolves to { page, close }. Returns one row per query.
 */
export async function runRecall(open, recall) {
  const rows = [];
  for (const entry of recall.queries) {
    const { page, close } = await open();
    const found = await page.evaluate(async ([q, filters]) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const res = await pf.search(q, filters ? { filters } : {});
      if (!res) return { total: 0, urls: [] };
      const data = await Promise.all(res.results.map((r) => r.data()));
      return { total: res.results.length, urls: data.map((d) => d.url) };
    }, [entry.query, entry.filters ?? null]);
    await close();
    const limit = entry.top ?? 10;
    const rankOf = (pattern) => {
      const re = toRegex(pattern);
      const i = found.urls.findIndex((u) => re.test(norm(u)));
      return i < 0 ? null : i + 1;
    };
    // `expect`: every pattern found; `expect_any`: at least one of them.
    const all = entry.expect ?? [];
    const any = entry.expect_any ?? [];
    const ranks = [...all, ...any].map(rankOf);
    const ok = (r) => r !== null && r <= limit;
    const hit = ranks.slice(0, all.length).every(ok) && (any.length === 0 || ranks.slice(all.length).some(ok));
    rows.push({ ...entry, top: limit, total: found.total, ranks, hit, first: found.urls.slice(0, 3) });
  }
  return rows;
}

const norm = (u) => u.replace(/^\//, '').replace(/index\.html$/, '');

// A site path pattern: `*` stands for one path segment (guide/*/630101003000.html).
function toRegex(pattern) {
  const body = norm(pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${body}$`);
}
