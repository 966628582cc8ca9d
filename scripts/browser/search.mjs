// The recall test: each query is run through the site's own Pagefind bundle
// (/pagefind/pagefind.js, its JS API) inside the browser, under the site's CSP,
// and each expected page must be among the results (within `top` when given).

/** Runs every query of `recall` on `page`; returns one row per query. */
export async function runRecall(page, recall) {
  const rows = [];
  for (const entry of recall.queries) {
    const found = await page.evaluate(async (q) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const res = await pf.search(q);
      if (!res) return { total: 0, urls: [] };
      const data = await Promise.all(res.results.map((r) => r.data()));
      return { total: res.results.length, urls: data.map((d) => d.url) };
    }, entry.query);
    const norm = (u) => u.replace(/index\.html$/, '').replace(/\.html$/, '');
    const ranks = entry.expect.map((want) => {
      const i = found.urls.findIndex((u) => norm(u) === norm(want));
      return i < 0 ? null : i + 1;
    });
    const limit = entry.top ?? Infinity;
    const hit = ranks.every((r) => r !== null && r <= limit);
    rows.push({ ...entry, total: found.total, ranks, hit, first: found.urls.slice(0, 3) });
  }
  return rows;
}
