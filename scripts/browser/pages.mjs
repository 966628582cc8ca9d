// Per-page checks in Chromium: axe (WCAG 2.0/2.1 A and AA), console errors,
// failed requests, no horizontal scroll on a phone, the high-contrast and
// large-text modes, and for the 一次告知单 the print stylesheet on A4.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const AXE_VERSION = require('axe-core/package.json').version;

/** Opens `url` in a fresh context; records console errors and failed requests. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const log = { consoleErrors: [], failedRequests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(`${m.text()} [${m.location().url}]`);
  });
  page.on('pageerror', (e) => log.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => log.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (options.initScript) await page.addInitScript(options.initScript);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200) {
    log.failedRequests.push(`${url} (HTTP ${response ? response.status() : 'no response'})`);
  }
  return { context, page, log };
}

/** Runs axe-core on the page as it is; returns the violations (id, impact, nodes). */
export async function runAxe(page) {
  // Injected through CDP (page.evaluate), which the page's CSP does not block.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('')}`),
    count: v.nodes.length,
  }));
}

/** Width overflow at a phone viewport: scrollWidth minus the viewport width (0 = fits). */
export async function horizontalOverflow(page, width) {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Facts about a page that every guide page must have (lang, title, h1, main, skip link, CSP). */
export async function pageFacts(page) {
  return page.evaluate(() => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
    const skip = document.querySelector('a[href^="#"]');
    const skipTarget = skip ? document.getElementById(decodeURIComponent(skip.getAttribute('href').slice(1))) : null;
    return {
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main').length,
      skipLink: Boolean(skip && skipTarget),
      csp: csp ? csp.getAttribute('content') : null,
      textLength: document.body.innerText.trim().length,
    };
  });
}

/**
 * The 一次告知单 printed: the screen-only parts (nav, header links, search, footer nav)
 * hidden, the material list visible, and the PDF on A4 paper.
 */
export async function printCheck(page, pdfPath) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const dom = await page.evaluate(() => {
    const visible = (el) => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    const navs = [...document.querySelectorAll('nav, form[role="search"], .skip-link, [data-screen-only]')];
    const main = document.querySelector('main');
    // A guide's 一次告知单 (section#notice, opened as …html#notice) prints alone.
    const notice = document.getElementById('notice');
    const others = main ? [...main.children].filter((c) => c !== notice && visible(c)) : [];
    return {
      noticeOnly: notice ? visible(notice) && others.length === 0 : null,
      visibleNavs: navs.filter(visible).map((el) => el.outerHTML.slice(0, 80)),
      mainVisible: Boolean(main && visible(main)),
      mainText: main ? main.innerText.trim().length : 0,
      listItems: main ? [...main.querySelectorAll('li, tr')].filter(visible).length : 0,
    };
  });
  const pdf = await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return { ...dom, ...pdfFacts(pdf) };
}

/** Page count and the first page's size in millimetres, read from the PDF's MediaBox. */
function pdfFacts(buffer) {
  const text = buffer.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = text.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
  const mm = (pt) => Math.round((pt * 25.4) / 72);
  const widthMm = box ? mm(Number(box[3]) - Number(box[1])) : 0;
  const heightMm = box ? mm(Number(box[4]) - Number(box[2])) : 0;
  return { pdfPages: pages, widthMm, heightMm, pdfBytes: buffer.length };
}

/** axe again with the page in the high-contrast mode (prefers-contrast: more). */
export async function contrastMoreViolations(page) {
  await page.emulateMedia({ contrast: 'more' });
  const violations = await runAxe(page);
  await page.emulateMedia({ contrast: 'no-preference' });
  return violations;
}

/**
 * The 大字 and 高对比 switches (checkboxes #mode-large, #mode-contrast, no JS):
 * both on, at 375 px: the root font grows by at least a quarter, the text turns
 * black, nothing scrolls sideways, and axe still finds nothing.
 */
export async function modesCheck(page) {
  await page.setViewportSize({ width: 375, height: 800 });
  const style = () => page.evaluate(() => ({
    font: parseFloat(getComputedStyle(document.documentElement).fontSize),
    color: getComputedStyle(document.body).color,
  }));
  const present = await page.evaluate(() => Boolean(document.getElementById('mode-large') && document.getElementById('mode-contrast')));
  if (!present) return { present };
  const before = await style();
  await page.check('#mode-large');
  await page.check('#mode-contrast');
  const after = await style();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const violations = await runAxe(page);
  await page.uncheck('#mode-large');
  await page.uncheck('#mode-contrast');
  return { present, grow: after.font / before.font, color: after.color, overflow, violations };
}
