// Browser checks of the generated guide site (run by scripts/browser_check.sh).
//
//   node check.mjs --site DIR --sample FILE [--recall FILE] [--hostile-site DIR]
//                  [--vnu JAR] [--out DIR] [--screenshots DIR]
//
// Serves DIR from 127.0.0.1, opens the sample pages in Debian's Chromium
// (playwright-core, no downloaded browser) and checks each: axe-core with the
// WCAG 2.0/2.1 A and AA tags (also in the high-contrast mode and 375 px wide), 0 console
// errors, 0 failed requests, readable without JavaScript, no horizontal
// scroll at 375 and 320 CSS px; the 一次告知单 printed on A4; the Nu HTML
// Checker on the sample files; the recall list through the site's Pagefind
// index; every page of the hostile-content site. Prints a summary, exits 1 on
// any failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { checkHostilePage } from './hostile.mjs';
import { AXE_TAGS, AXE_VERSION, contrastMoreViolations, horizontalOverflow, modesCheck, openPage, pageFacts, printCheck, runAxe } from './pages.mjs';
import { serve } from './serve.mjs';
import { runRecall } from './search.mjs';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    sample: { type: 'string' },
    recall: { type: 'string' },
    'hostile-site': { type: 'string' },
    vnu: { type: 'string' },
    out: { type: 'string', default: 'target/browser-check/out' },
    screenshots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!args.site || !args.sample) {
  console.error('用法: node check.mjs --site DIR --sample FILE [--recall FILE] [--hostile-site DIR] [--vnu JAR]');
  process.exit(2);
}

const failures = [];
const fail = (msg) => failures.push(msg);
const sample = JSON.parse(readFileSync(args.sample, 'utf8'));
mkdirSync(args.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const server = await serve(args.site);
  try {
    const rows = [];
    for (const entry of sample.pages) rows.push(await checkPage(server.url, entry));
    printPages(rows);
    if (args.vnu) runVnu(sample.pages);
    if (args.recall) await recall(server.url, sample.pages[0].path);
  } finally {
    await server.close();
  }
  if (args['hostile-site']) await hostile(args['hostile-site']);
} finally {
  await browser.close();
}

if (failures.length) {
  console.error(`\n浏览器检查未通过（${failures.length} 项）:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log('\n浏览器检查全部通过。');

async function checkPage(base, entry) {
  const url = base + entry.path;
  const where = `${entry.kind} ${entry.path}`;
  const { context, page, log } = await openPage(browser, url);
  if (entry.wait_for) {
    // A page that fills itself in (the search page): its content must appear.
    const ok = await page.waitForSelector(entry.wait_for, { timeout: 15000 }).then(() => true, () => false);
    if (!ok) fail(`${where}: 15 秒内没有出现 ${entry.wait_for}`);
  }
  const facts = await pageFacts(page);
  if (facts.lang !== 'zh-CN') fail(`${where}: <html lang> 为 "${facts.lang}"，应为 zh-CN`);
  if (facts.h1 !== 1) fail(`${where}: 有 ${facts.h1} 个 <h1>，应为 1 个`);
  if (facts.main !== 1) fail(`${where}: 有 ${facts.main} 个 <main>，应为 1 个`);
  if (!facts.skipLink) fail(`${where}: 没有可用的“跳到正文”链接`);
  if (!facts.csp) fail(`${where}: 没有 Content-Security-Policy meta`);
  const axe = await runAxe(page);
  const axeMore = await contrastMoreViolations(page);
  for (const v of [...axe, ...axeMore]) fail(`${where}: axe ${v.id} (${v.impact}, ${v.count} 处): ${v.help}; ${v.nodes.join(' | ')}`);
  const row = { kind: entry.kind, path: entry.path, axe: axe.length, axeMore: axeMore.length };
  row.print = entry.kind === 'notice' ? await notice(page, entry, where) : '-';
  await screenshots(page, entry, 'desktop');
  row.over375 = await horizontalOverflow(page, 375);
  const axeMobile = await runAxe(page);
  for (const v of axeMobile) fail(`${where} (375 px): axe ${v.id} (${v.impact}, ${v.count} 处): ${v.help}; ${v.nodes.join(' | ')}`);
  row.axeMobile = axeMobile.length;
  await screenshots(page, entry, 'mobile');
  row.over320 = await horizontalOverflow(page, 320);
  row.modes = await modes(page, where);
  if (row.over375 > 0 || row.over320 > 0) fail(`${where}: 手机宽度下出现横向滚动（375 px 超出 ${row.over375} px，320 px 超出 ${row.over320} px）`);
  row.console = log.consoleErrors.length;
  row.failed = log.failedRequests.length;
  for (const e of log.consoleErrors) fail(`${where}: 控制台错误: ${e}`);
  for (const r of log.failedRequests) fail(`${where}: 请求失败: ${r}`);
  await context.close();
  row.noJs = await noJsText(url, entry.needs_js ? 1 : facts.textLength, where);
  return row;
}

async function modes(page, where) {
  const m = await modesCheck(page);
  if (!m.present) {
    fail(`${where}: 没有“大字”“高对比”开关（#mode-large、#mode-contrast）`);
    return 'none';
  }
  if (m.grow < 1.25) fail(`${where}: 打开“大字”后字号只放大到 ${m.grow.toFixed(2)} 倍`);
  if (m.color !== 'rgb(0, 0, 0)') fail(`${where}: 打开“高对比”后正文颜色为 ${m.color}，应为黑色`);
  if (m.overflow > 0) fail(`${where}: 大字 + 高对比、375 px 宽时出现横向滚动（超出 ${m.overflow} px）`);
  for (const v of m.violations) fail(`${where} (大字 + 高对比): axe ${v.id} (${v.impact}, ${v.count} 处): ${v.help}; ${v.nodes.join(' | ')}`);
  return `×${m.grow.toFixed(2)} axe ${m.violations.length}`;
}

async function noJsText(url, withJs, where) {
  const { context, page } = await openPage(browser, url, { javaScriptEnabled: false });
  const text = await page.evaluate(() => document.body.innerText.trim().length);
  await context.close();
  if (text < withJs * 0.9 || text === 0) fail(`${where}: 关闭 JavaScript 后正文只剩 ${text} 字（开启时 ${withJs} 字）`);
  return text;
}

async function notice(page, entry, where) {
  const name = entry.path.replace(/[^A-Za-z0-9]+/g, '_');
  const p = await printCheck(page, join(args.out, `${name}.pdf`));
  const a4 = Math.abs(p.widthMm - 210) <= 1 && Math.abs(p.heightMm - 297) <= 1;
  if (!a4) fail(`${where}: 打印页面为 ${p.widthMm}×${p.heightMm} mm，应为 A4（210×297 mm）`);
  if (p.pdfPages !== 1) fail(`${where}: 打印为 ${p.pdfPages} 页（一次告知单应为 1 页 A4）`);
  if (p.noticeOnly === false) fail(`${where}: 从一次告知单打印时，还打印了指南的其他部分`);
  if (!p.mainVisible || p.mainText < 50 || p.listItems < 1) fail(`${where}: 打印时正文不可见或没有材料清单（${p.mainText} 字，${p.listItems} 行）`);
  if (p.visibleNavs.length) fail(`${where}: 打印时导航仍可见: ${p.visibleNavs.join(' | ')}`);
  return `${p.widthMm}×${p.heightMm}mm ${p.pdfPages}页`;
}

async function screenshots(page, entry, mode) {
  if (!entry.screenshot) return;
  const width = mode === 'desktop' ? 1280 : 375;
  await page.setViewportSize({ width, height: mode === 'desktop' ? 900 : 800 });
  // The 一次告知单 is a section of its guide page: shown as it prints.
  if (entry.kind === 'notice') await page.emulateMedia({ media: 'print' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // `screenshot_from`: start at that element (a section far down the page).
  const top = entry.screenshot_from
    ? await page.evaluate((sel) => Math.max(0, Math.floor(document.querySelector(sel).getBoundingClientRect().top + window.scrollY) - 16), entry.screenshot_from)
    : 0;
  const max = entry.screenshot_from ? (mode === 'desktop' ? 700 : 1400) : (mode === 'desktop' ? 1800 : 2400);
  const clip = { x: 0, y: top, width, height: Math.min(height - top, max) };
  const file = `${entry.screenshot}${mode === 'mobile' ? '-mobile' : ''}.png`;
  const dirs = [args.out, ...(args.screenshots ? [args.screenshots] : [])];
  for (const dir of dirs) {
    await page.screenshot({ path: join(dir, file), clip, fullPage: true });
  }
  if (entry.kind === 'notice') await page.emulateMedia({ media: 'screen' });
  const kb = Math.round(statSync(join(dirs.at(-1), file)).size / 1024);
  console.log(`截图 ${join(dirs.at(-1), file)}: ${width}×${clip.height}, ${kb} KB`);
}

function printPages(rows) {
  console.log(`\n== 页面检查（axe-core ${AXE_VERSION}，标签 ${AXE_TAGS.join(', ')}）`);
  console.log(['类型', 'axe', 'axe高对比', 'axe手机', '控制台错误', '失败请求', '375px溢出', '320px溢出', '大字+高对比', '无JS字数', '打印', '页面'].join('\t'));
  for (const r of rows) {
    console.log([r.kind, r.axe, r.axeMore, r.axeMobile, r.console, r.failed, r.over375, r.over320, r.modes, r.noJs, r.print, r.path].join('\t'));
  }
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  console.log(`共 ${rows.length} 页: axe 违规 ${sum('axe')}，高对比模式 axe 违规 ${sum('axeMore')}，375 px 宽 axe 违规 ${sum('axeMobile')}，控制台错误 ${sum('console')}，失败请求 ${sum('failed')}`);
}

function runVnu(pages) {
  const files = [...new Set(pages.map((p) => htmlFile(args.site, p.path)))];
  let out = '';
  try {
    execFileSync('java', ['-jar', args.vnu, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = e.stderr?.toString() ?? '';
    if (!out) throw e;
  }
  const messages = out ? JSON.parse(out).messages : [];
  const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  console.log(`\n== Nu HTML Checker（vnu）: ${files.length} 个文件，${errors.length} 个错误`);
  for (const m of errors) fail(`vnu ${m.url?.replace(/^file:/, '')}:${m.lastLine}:${m.lastColumn}: ${m.message}`);
}

function htmlFile(site, url) {
  const path = url.split('?')[0].split('#')[0];
  const full = join(resolve(site), decodeURIComponent(path));
  return path.endsWith('/') ? join(full, 'index.html') : full;
}

async function recall(base, firstPath) {
  const spec = JSON.parse(readFileSync(args.recall, 'utf8'));
  const open = async () => {
    const { context, page, log } = await openPage(browser, base + firstPath);
    const close = async () => {
      for (const e of log.consoleErrors) fail(`搜索: 控制台错误: ${e}`);
      await context.close();
    };
    return { page, close };
  };
  const rows = await runRecall(open, spec);
  console.log(`\n== 搜索召回（Pagefind，${rows.length} 条查询）`);
  console.log(['结果', '排名', '结果数', '类别', '查询', '应找到'].join('\t'));
  let hits = 0;
  let known = 0;
  for (const r of rows) {
    const want = [...(r.expect ?? []), ...(r.expect_any?.length ? [r.expect_any.join(' 或 ')] : [])].join(' 和 ');
    const status = r.hit ? '找到' : r.known_miss ? '已知未找到' : '未找到';
    const q = r.filters ? `${r.query} [${Object.values(r.filters).flat().join(',')}]` : r.query;
    console.log([status, r.ranks.map((x) => x ?? '-').join(','), r.total, r.class, q, want].join('\t'));
    if (r.hit) hits++;
    if (r.hit && r.known_miss) fail(`搜索 “${r.query}” 已能找到 ${want}：请去掉 recall 中的 known_miss`);
    if (!r.hit && r.known_miss) known++;
    if (!r.hit && !r.known_miss) {
      const filters = r.filters ? `（筛选 ${JSON.stringify(r.filters)}）` : '';
      fail(`搜索 “${r.query}”${filters} 的前 ${r.top} 条中没有 ${want}；共 ${r.total} 条，前三条: ${r.first.join(' ')}`);
    }
  }
  console.log(`召回: ${hits}/${rows.length} 找到，${known} 条已知未找到（见 known_miss 的说明），${rows.length - hits - known} 条意外未找到`);
}

async function hostile(dir) {
  const root = resolve(dir);
  const server = await serve(root);
  const files = execFileSync('find', [root, '-name', '*.html'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  let payloadPages = 0;
  let problems = 0;
  try {
    // Every page, and the search page showing results built from the payloads.
    const targets = files.sort().map((f) => [f.slice(root.length).replace(/index\.html$/, ''), undefined]);
    targets.push(['/search.html?q=alert', '#search-results li']);
    for (const [path, waitFor] of targets) {
      const r = await checkHostilePage(browser, server.url + path, waitFor);
      if (r.payloadSeen) payloadPages++;
      problems += r.problems.length;
      for (const p of r.problems) fail(`恶意内容 ${path}: ${p}`);
    }
  } finally {
    await server.close();
  }
  console.log(`\n== 恶意内容样例: ${files.length} 页和一次站内搜索，${payloadPages} 页以文字显示了攻击载荷，${problems} 个问题`);
  if (files.length === 0) fail('恶意内容样例没有生成任何页面');
  if (payloadPages === 0) fail('恶意内容样例的攻击载荷没有出现在任何页面上：样例没有起作用');
}
