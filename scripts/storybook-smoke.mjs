#!/usr/bin/env node
/**
 * Smoke test of a built Storybook: node scripts/storybook-smoke.mjs <dir>
 *
 * Every story is opened on its own (fresh browser context: no IndexedDB,
 * sessionStorage or focus left over from another story), allowed to finish
 * rendering and playing, then checked with axe-core. A story fails on an axe
 * violation, a console error or page error, a failed render or play function,
 * a request that leaves the local server, or taking longer than 15 s.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './find-chromium.mjs';

const storyTimeoutMs = 15_000;
// Stories run side by side in separate contexts; more than the machine's cores only adds waiting.
const concurrency = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Stories that show bad configuration or bad data on purpose. The widget then
 * logs exactly one console error for the web team; more, fewer or another
 * message is a failure.
 */
const intentionalConsoleError = new Set([
  'widgets-feedback--not-configured',
  'widgets-feedback--broken-data',
  'widgets-feedback--could-not-load',
  'widgets-feedback--catalogue-too-large',
  'widgets-feedback-zh-hans--catalogue-too-large',
  'widgets-feedback-zh-hant--catalogue-too-large',
  'widgets-satisfaction-survey--results-failed',
  'widgets-satisfaction-survey--not-configured',
  'widgets-satisfaction-survey--unknown-scale',
  'widgets-notice-board--broken-feed',
  'widgets-notice-board--feed-unavailable',
  'widgets-notice-board--not-configured',
  'widgets-notice-board-zh-hans--broken-feed',
  'widgets-notice-board-zh-hant--broken-feed',
  'widgets-notice-board--feed-too-large',
  'widgets-notice-board-zh-hans--feed-too-large',
  'widgets-notice-board-zh-hant--feed-too-large',
  'widgets-notice-board--warnings-too-large',
  'widgets-service-locator--unusable-data',
  'widgets-service-locator--not-configured',
  'widgets-service-locator-zh-hans--unusable-data',
  'widgets-service-locator-zh-hans--not-configured',
  'widgets-service-locator-zh-hant--unusable-data',
  'widgets-service-locator-zh-hant--not-configured',
]);

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Rules about a whole page's structure: a story frame is not a page, and the
// district page embedding the widget supplies landmarks and its <h1>.
// (Storybook's a11y addon leaves out `region` for the same reason.)
const pageStructureRules = ['region', 'landmark-one-main', 'page-has-heading-one'];
// Storybook's own hidden UI (error overlays, docs root, highlights), as the a11y addon excludes it.
const storybookChrome = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

const dir = resolve(process.argv[2] ?? 'storybook-static');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` read-only on 127.0.0.1, on a free port. */
function serve(root) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root + sep) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file.startsWith(root + sep) ? 405 : 403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/** Resolves with the story's final render phase once rendering, play and afterEach (a11y addon) are over. */
function storySettled(page, id) {
  return page.waitForFunction(
    (storyId) => {
      const render = window.__STORYBOOK_PREVIEW__?.storyRenders?.find((candidate) => candidate.id === storyId);
      return render && ['finished', 'errored', 'aborted'].includes(render.phase) ? render.phase : false;
    },
    id,
    { timeout: 0, polling: 50 }, // bounded by the story's overall time limit
  );
}

/** Opens one story in a fresh context; resolves with its problems, none when it passes. */
async function checkStory(browser, origin, id) {
  const problems = [];
  const consoleErrors = [];
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1024, height: 900 } });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      problems.push(`request to a third party: ${url}`);
      return route.abort();
    });
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const work = renderAndAudit(page, origin, id);
    work.catch(() => {}); // Still running when the time is up; closing the context ends it.
    problems.push(...(await withTimeout(work, storyTimeoutMs, 'the story')));
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    await context.close();
  }
  if (intentionalConsoleError.has(id)) {
    const ours = consoleErrors.filter((text) => text.startsWith('[civic-widgets]'));
    if (ours.length !== 1 || consoleErrors.length !== 1) {
      problems.push(`expected exactly one [civic-widgets] console error, got ${consoleErrors.length}: ${consoleErrors.join(' / ')}`);
    }
  } else {
    problems.push(...consoleErrors.map((text) => `console error: ${text.split('\n')[0]}`));
  }
  return problems;
}

async function renderAndAudit(page, origin, id) {
  const problems = [];
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  const phase = await (await storySettled(page, id)).jsonValue();
  const outcome = await page.evaluate(() => ({
    rendered: (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
    finished: window.__STORYBOOK_ADDONS_CHANNEL__?.last?.('storyFinished')?.[0],
    // Storybook logs a failed play function and still finishes the story, so ask for it.
    playError: window.__STORYBOOK_ADDONS_CHANNEL__?.last?.('playFunctionThrewException')?.[0]?.message,
    error: document.querySelector('#error-message')?.textContent?.trim(),
  }));
  if (phase !== 'finished') problems.push(`story ${phase}${outcome.error ? `: ${outcome.error}` : ''}`);
  if (!outcome.rendered) problems.push('#storybook-root is empty');
  if (outcome.playError) problems.push(`play function failed: ${outcome.playError.split('\n')[0]}`);
  if (outcome.finished?.status === 'error') {
    const failed = (outcome.finished.reporters ?? []).filter((report) => report.status === 'failed').map((report) => report.type);
    problems.push(`Storybook reported an error${failed.length ? ` (${failed.join(', ')})` : ' (unhandled error while playing)'}`);
  }

  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(
    async ({ tags, disabled, exclude }) => {
      const result = await window.axe.run(
        { exclude: exclude.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: tags }, rules: Object.fromEntries(disabled.map((rule) => [rule, { enabled: false }])), resultTypes: ['violations'] },
      );
      return result.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
    },
    { tags: axeTags, disabled: pageStructureRules, exclude: storybookChrome },
  );
  problems.push(...violations.map((violation) => `axe: ${violation}`));
  return problems;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
  if (ids.length === 0) throw new Error(`${join(dir, 'index.json')} lists no stories.`);

  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const results = new Array(ids.length);
  let printed = 0;
  let next = 0;
  // Results are printed in index order, as soon as every earlier story is done.
  const print = () => {
    for (; printed < ids.length && results[printed]; printed++) {
      const problems = results[printed];
      console.log(problems.length === 0 ? `✓ ${ids[printed]}` : `✗ ${ids[printed]}: ${problems.join('; ')}`);
    }
  };
  const worker = async () => {
    while (next < ids.length) {
      const position = next++;
      const id = ids[position];
      results[position] = await checkStory(browser, origin, id);
      print();
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((problems) => problems.length > 0).length;
  console.log(`Storybook: ${ids.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`storybook-smoke: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
