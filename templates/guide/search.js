// The guide site's search page: the Pagefind index that `pagefind --site DIR`
// writes into DIR/pagefind/ after `tongbiao guide`. No inline script, no
// innerHTML: results are built from text nodes (CSP: script-src 'self'
// 'wasm-unsafe-eval').
const form = document.querySelector('form.search');
const input = document.getElementById('q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const selects = { region: document.getElementById('region'), department: document.getElementById('department') };
const params = new URLSearchParams(location.search);

let pagefind;
try {
  pagefind = await import(new URL('../pagefind/pagefind.js', import.meta.url).href);
  await pagefind.init();
} catch {
  status.textContent = '搜索索引尚未生成（站点发布时须运行 pagefind --site）。请从首页按地区、部门或事项类型查找。';
}

if (pagefind) {
  const filters = await pagefind.filters();
  for (const [name, select] of Object.entries(selects)) {
    for (const value of Object.keys(filters[name] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
      select.append(new Option(value, value));
    }
    select.value = params.get(name) ?? '';
  }
  input.value = params.get('q') ?? '';
  if (input.value.trim()) await run();
}

form.addEventListener('submit', (e) => {
  if (!pagefind) return;
  e.preventDefault();
  const next = new URLSearchParams({ q: input.value });
  for (const [name, select] of Object.entries(selects)) if (select.value) next.set(name, select.value);
  history.replaceState(null, '', `?${next}`);
  run();
});

async function run() {
  const chosen = {};
  for (const [name, select] of Object.entries(selects)) if (select.value) chosen[name] = select.value;
  const res = await pagefind.search(input.value.trim(), { filters: chosen });
  list.replaceChildren();
  const shown = res ? res.results.slice(0, 20) : [];
  const data = await Promise.all(shown.map((r) => r.data()));
  for (const d of data) list.append(result(d));
  const total = res ? res.results.length : 0;
  status.textContent = total ? `找到 ${total} 条结果${total > shown.length ? `，显示前 ${shown.length} 条` : ''}。` : '没有找到。换个说法试试，或拨打 12345 咨询。';
}

function result(d) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta?.title ?? d.url;
  const p = document.createElement('p');
  // The excerpt is HTML with <mark>: parse it inert and keep only text and <mark>.
  const doc = new DOMParser().parseFromString(d.excerpt ?? '', 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = node.textContent;
      p.append(m);
    } else {
      p.append(document.createTextNode(node.textContent));
    }
  }
  li.append(a, p);
  return li;
}
