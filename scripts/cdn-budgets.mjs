// What a citizen's browser fetches for the widgets from the shared folder:
// Chromium opens a zh-Hans page per widget, and one with every widget through
// the autoloader, from dist/cdn served with gzip -9 pre-compressed files and
// Content-Encoding: gzip (as a CDN would), waits until each widget shows its
// first useful state, and sums the encoded body sizes of the responses (CDP
// Network events). Prints a table; fails past a page's ceiling.
//
//   node scripts/cdn-budgets.mjs        (after npm run build)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { folderRoute, pageRoute, startServer } from './cdn/serve.mjs';
import { page, startApis, textFeed, waitUntilUseful, widgetMarkup } from './cdn/fixture.mjs';
import { cdnWidgets } from './cdn-build.mjs';
import { printTable } from './size.mjs';

const cdnDir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));

/**
 * Issue #12's budgets (gzip -9 bytes of code fetched before the widgets are
 * useful), and the ceilings in force: what the build measures today, ratchets
 * that may only go down, until each page meets its budget. A new widget needs
 * both, given deliberately.
 */
const pages = {
  'civic-feedback': { budget: 25_000, ceiling: 34_600 },
  'civic-satisfaction-survey': { budget: 20_000, ceiling: 26_000 },
  'civic-notice-board': { budget: 20_000, ceiling: 23_700 },
  'civic-service-locator': { budget: 18_000, ceiling: 23_800 },
  'all widgets, autoloader': { budget: 60_000, ceiling: 71_400 },
};

/** Opens `url` and returns the encoded body bytes of every response, by URL, once `ready(tab)` resolves. */
async function fetchedFor(browser, url, ready) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const headerBytes = new Map();
  const urls = new Map();
  const bodies = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    urls.set(requestId, response.url);
    headerBytes.set(requestId, response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    bodies.set(urls.get(requestId), encodedDataLength - (headerBytes.get(requestId) ?? 0));
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await tab.goto(url);
  await ready(tab);
  // Responses that finished with the last render are reported a moment later.
  await tab.waitForTimeout(200);
  await context.close();
  return bodies;
}

export async function measurePages() {
  if (!existsSync(`${cdnDir}civic-widgets.js`)) throw new Error('dist/cdn is missing: run npm run build first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  const apis = await startApis();
  const pageHtml = {};
  const site = await startServer([pageRoute(Object.assign(pageHtml, { '/feed.json': textFeed })), folderRoute(cdnDir, '/cdn/', { gzip: true })]);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const tags = cdnWidgets().flatMap(({ tags }) => tags);
  const feedUrl = `${site.origin}/feed.json`;
  try {
    const cases = [
      ...tags.map((tag) => ({ name: tag, body: `${widgetMarkup(apis, feedUrl, tag)}<script type="module" src="/cdn/${tag}.js"></script>` })),
      {
        name: 'all widgets, autoloader',
        body: `${tags.map((tag) => widgetMarkup(apis, feedUrl, tag)).join('')}<script type="module" src="/cdn/civic-widgets.js"></script>`,
      },
    ];
    const results = [];
    for (const [index, { name, body }] of cases.entries()) {
      pageHtml[`/${index}`] = page({ lang: 'zh-CN', body });
      let langs;
      const bodies = await fetchedFor(browser, `${site.origin}/${index}`, async (tab) => (langs = await waitUntilUseful(tab)));
      if (!langs.every((lang) => lang === 'zh-Hans')) throw new Error(`${name}: a widget did not render in zh-Hans (${langs}).`);
      let code = 0;
      let codeRequests = 0;
      let data = 0;
      let dataRequests = 0;
      for (const [url, bytes] of bodies) {
        const { pathname, origin } = new URL(url);
        if (origin === site.origin && pathname.startsWith('/cdn/')) {
          code += bytes;
          codeRequests += 1;
        } else if (origin !== site.origin || pathname === '/feed.json') {
          data += bytes;
          dataRequests += 1;
        }
      }
      results.push({ name, code, codeRequests, data, dataRequests });
    }
    return results;
  } finally {
    await browser.close();
    await site.close();
    await apis.close();
  }
}

export function checkPages(results) {
  // Budgets and ceilings are for code: the data (the district's services, feed) varies by site.
  const rows = [['page (zh-Hans)', 'code requests', 'code bytes', 'budget', 'ceiling', 'to budget', 'data requests', 'data bytes', 'total bytes']];
  const problems = [];
  for (const { name, code, codeRequests, data, dataRequests } of results) {
    const limits = pages[name];
    rows.push([name, codeRequests, code, limits?.budget ?? 'none', limits?.ceiling ?? 'none', limits ? code - limits.budget : '', dataRequests, data, code + data]);
    if (!limits) problems.push(`${name} has no budget or ceiling; add them to scripts/cdn-budgets.mjs.`);
    else if (code > limits.ceiling) problems.push(`${name} fetches ${code} bytes of code, ${code - limits.ceiling} over its ceiling of ${limits.ceiling}.`);
  }
  printTable(rows);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkPages(await measurePages());
  for (const problem of problems) console.error(`budgets: ${problem}`);
  if (problems.length > 0) process.exit(1);
}
