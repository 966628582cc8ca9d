// The hostile-content site: every page of it is opened with the CSP bypassed
// (so escaping alone is under test, not the CSP), with an instrumented
// alert/confirm/prompt and a dialog listener, and the DOM is searched for
// unsafe links and inline event handlers. The payload text must show up as
// text somewhere, or the fixture did not reach the pages and the check says so.
import { horizontalOverflow, openPage } from './pages.mjs';

// Payload-free instrumentation: counts calls to the dialog functions.
const INIT = `
  window.__tbDialogs = 0;
  for (const f of ['alert', 'confirm', 'prompt', 'print']) {
    const orig = window[f];
    window[f] = function (...a) { window.__tbDialogs++; return orig.apply(this, a); };
  }
`;

const SAFE_SCHEMES = new Set(['http:', 'https:', 'tel:', 'mailto:']);

/** Checks one hostile page; returns { problems: [...], payloadSeen: bool, ... }. */
export async function checkHostilePage(browser, url, waitFor) {
  const { context, page, log } = await openPage(browser, url, { bypassCSP: true, initScript: INIT });
  const shown = waitFor ? await page.waitForSelector(waitFor, { timeout: 15000 }).then(() => true, () => false) : true;
  await page.waitForTimeout(200);
  const dom = await page.evaluate((safe) => {
    const problems = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'];
    for (const el of document.querySelectorAll('*')) {
      // The template's own empty icon (no /favicon.ico request) is not catalog content.
      const emptyIcon = el.localName === 'link' && el.getAttribute('rel') === 'icon' && el.getAttribute('href') === 'data:,';
      for (const attr of el.attributes) {
        if (emptyIcon && attr.name === 'href') continue;
        if (/^on/i.test(attr.name)) problems.push(`on* attribute ${attr.name} on <${el.localName}>`);
        if (!urlAttrs.includes(attr.name.toLowerCase())) continue;
        if (attr.name === 'srcdoc') {
          problems.push(`srcdoc on <${el.localName}>`);
          continue;
        }
        let scheme;
        try {
          scheme = new URL(attr.value, document.baseURI).protocol;
        } catch {
          continue;
        }
        if (!safe.includes(scheme)) problems.push(`${attr.name}="${attr.value.slice(0, 60)}" on <${el.localName}>`);
      }
    }
    const scripts = [...document.scripts].filter(
      (s) => s.type !== 'application/ld+json' && !(s.src && new URL(s.src).origin === location.origin),
    );
    for (const s of scripts) problems.push(`inline or foreign <script>: ${s.outerHTML.slice(0, 80)}`);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
    if (!csp) problems.push('no Content-Security-Policy meta');
    else if (/unsafe-inline/.test(csp.content) && /script-src|default-src/.test(csp.content)) {
      const scriptSrc = csp.content.match(/script-src[^;]*/)?.[0] ?? '';
      if (/unsafe-inline/.test(scriptSrc)) problems.push(`CSP allows inline scripts: ${scriptSrc}`);
    }
    const text = document.documentElement.textContent;
    return {
      problems,
      dialogsCalled: window.__tbDialogs,
      payloadSeen: text.includes('<script>alert(1)</script>') || text.includes('onerror=alert(1)'),
      rloSeen: text.includes('\u202e'),
    };
  }, [...SAFE_SCHEMES]);
  // An `<img src=x>` that became an element would request /x: a failed request is a finding too.
  const problems = [...dom.problems];
  if (!shown) problems.push(`${waitFor} did not appear within 15 s`);
  if (log.dialogs.length) problems.push(`dialogs opened: ${log.dialogs.join('; ')}`);
  if (dom.dialogsCalled) problems.push(`alert/confirm/prompt called ${dom.dialogsCalled} times`);
  for (const r of log.failedRequests) problems.push(`failed request ${r}`);
  // 5,000-character strings must wrap: no horizontal scroll on a phone.
  const overflow = await horizontalOverflow(page, 375);
  if (overflow > 0) problems.push(`horizontal scroll at 375 px: ${overflow} px too wide`);
  await context.close();
  return { url, problems, payloadSeen: dom.payloadSeen, rloSeen: dom.rloSeen, consoleErrors: log.consoleErrors };
}
