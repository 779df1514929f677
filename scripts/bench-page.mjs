// What the widget benchmarks share: a local server with a widget's standalone
// bundle, its data and a Chinese page that loads it, and Chromium opened on
// that page with the widget defined. Each benchmark keeps its own in-page
// measurements (they run through page.evaluate, so they cannot import).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './find-chromium.mjs';

/**
 * Opens `civic-<widget>` from dist/standalone on a page of its own. `data`
 * maps a path (e.g. `/feed-10000.json`) to the text it answers with
 * `contentType`; `context` goes to Chromium's newContext (viewport,
 * geolocation…). Resolves with the page and `close()`.
 */
export async function openBenchPage({ widget, data, contentType, context = {} }) {
  const fileName = `civic-${widget}.js`;
  const bundleFile = new URL(`../dist/standalone/${fileName}`, import.meta.url);
  if (!existsSync(bundleFile)) throw new Error(`dist/standalone/${fileName} is missing: run \`npm run build\` first.`);
  const bundle = readFileSync(bundleFile);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === `/${fileName}`) {
      response.setHeader('content-type', 'text/javascript');
      return response.end(bundle);
    }
    if (data.has(pathname)) {
      response.setHeader('content-type', contentType);
      return response.end(data.get(pathname));
    }
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title><script type="module" src="/${fileName}"></script><body></body></html>`);
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));

  // --expose-gc: a garbage collection between runs, so one run's garbage is not collected during the next one's measurements.
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 900 }, ...context })).newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('crash', () => console.error('the page crashed (out of memory?)'));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction((tag) => customElements.get(tag), `civic-${widget}`);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
