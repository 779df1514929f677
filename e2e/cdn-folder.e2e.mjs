// End-to-end: the shared folder dist/cdn on district pages with a strict
// Content Security Policy and Trusted Types, in Debian's Chromium. Run
// `npm run build` first; `npm test` does.
//
//   node --test e2e/*.e2e.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { folderRoute, pageRoute, startServer } from '../scripts/cdn/serve.mjs';
import { page, startApis, textFeed, waitUntilUseful, widgetMarkup } from '../scripts/cdn/fixture.mjs';

const cdnDir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const standaloneDir = fileURLToPath(new URL('../dist/standalone/', import.meta.url));
const trustedTypes = "require-trusted-types-for 'script'; trusted-types lit-html civic-widgets";
const subPath = '/static/js/civic-widgets/0.1.0/';

let apis;
let cdn;
let browser;
/** What the next intercepted folder file does: file name → 'block' or a promise. */
const interceptions = new Map();

before(async () => {
  assert.ok(existsSync(`${cdnDir}civic-widgets.js`), 'dist/cdn is missing: run npm run build first.');
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  apis = await startApis();
  // The second origin: a CDN serving the folder to any site (CORS), as a district's would.
  cdn = await startServer([folderRoute(cdnDir, '/civic-widgets/0.1.0/', { cors: true, gzip: true })]);
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await apis?.close();
});

/**
 * A district site serving `pages` (path → HTML, `/feed.json` added) under
 * `csp`, with the folder at `subPath` and the single files at /standalone/.
 */
async function startSite(pages, csp) {
  return startServer([
    pageRoute(Object.assign(pages, { '/feed.json': textFeed }), csp),
    folderRoute(cdnDir, subPath, { intercept: (file) => interceptions.get(chunkKind(file)) }),
    folderRoute(standaloneDir, '/standalone/'),
  ]);
}

/** `chunks/feedback-zh-Hans-ab12.js` → `feedback-zh-Hans`: what tests intercept by. */
function chunkKind(file) {
  return file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '');
}

function strictPolicy(scriptSources) {
  return [
    "default-src 'none'",
    `script-src ${scriptSources}`,
    `connect-src 'self' ${apis.connectSources.join(' ')}`,
    trustedTypes,
  ].join('; ');
}

/** Opens `url` and records what went wrong and what was fetched. */
async function open(url, { locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ locale });
  const tab = await context.newPage();
  const report = { errors: [], violations: [], scripts: [] };
  tab.on('console', (message) => {
    if (message.type() === 'error') report.errors.push(message.text());
  });
  tab.on('pageerror', (error) => report.errors.push(String(error)));
  tab.on('request', (request) => {
    if (request.resourceType() === 'script') report.scripts.push(new URL(request.url()).pathname);
  });
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`), true);
  });
  await tab.goto(url);
  report.violations = () => tab.evaluate(() => window.__violations);
  return { context, tab, report };
}

const allWidgets = ['civic-feedback', 'civic-notice-board', 'civic-satisfaction-survey'];

function markup(site, tags, attributes = {}) {
  return tags.map((tag) => widgetMarkup(apis, `${site}/feed.json`, tag, attributes[tag] ?? '')).join('\n');
}

async function sitePage(csp, build) {
  // The page's markup names the site's own origin (the feed), so pages are made once it listens.
  const pages = {};
  const site = await startSite(pages, csp);
  Object.assign(pages, build(site.origin));
  return site;
}

describe('the shared folder', () => {
  test('served from a sub-path of the site, the autoloader loads each widget on the page, in Chinese, under a strict CSP', async () => {
    const site = await sitePage(strictPolicy("'self'"), (origin) => ({
      '/': page({ body: `${markup(origin, allWidgets)}<script type="module" src="${subPath}civic-widgets.js"></script>` }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      assert.deepEqual(await waitUntilUseful(tab), ['zh-Hans', 'zh-Hans', 'zh-Hans']);
      assert.deepEqual(await report.violations(), []);
      assert.deepEqual(report.errors, []);
      const chunks = report.scripts.filter((path) => path.includes('/chunks/'));
      assert.ok(chunks.some((path) => /feedback-zh-Hans-/.test(path)), 'the feedback form’s Chinese was not loaded');
      assert.ok(!chunks.some((path) => /zh-Hant/.test(path)), `Traditional Chinese was loaded for a zh-CN page: ${chunks}`);
      assert.ok(!chunks.some((path) => /sanitize-html-/.test(path)), 'DOMPurify was loaded for a feed without HTML');
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('from a CDN on another origin, with script-src naming only that CDN', async () => {
    const site = await sitePage(strictPolicy(cdn.origin), (origin) => ({
      '/': page({ body: `${markup(origin, allWidgets)}<script type="module" src="${cdn.origin}/civic-widgets/0.1.0/civic-widgets.js"></script>` }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      assert.deepEqual(await waitUntilUseful(tab), ['zh-Hans', 'zh-Hans', 'zh-Hans']);
      assert.deepEqual(await report.violations(), []);
      assert.deepEqual(report.errors, []);
      assert.ok(report.scripts.every((path) => path.startsWith('/civic-widgets/0.1.0/')), String(report.scripts));
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('the autoloader loads nothing for absent tags, a tag added after load, and one inside an open shadow root', async () => {
    // The page's own component, which puts a survey in its open shadow root once it is defined.
    const sidebar = `customElements.define('district-sidebar', class extends HTMLElement {
      connectedCallback() {
        const survey = document.createElement('civic-satisfaction-survey');
        survey.setAttribute('endpoint', this.getAttribute('survey-endpoint'));
        this.attachShadow({ mode: 'open' }).append(survey);
      }
    });`;
    // The page adds a notice board after load, as a CMS's script might.
    const addLater = `document.querySelector('#add').addEventListener('click', () => {
      const board = document.createElement('civic-notice-board');
      board.setAttribute('src', '/feed.json');
      document.querySelector('main').append(board);
    });`;
    const surveyEndpoint = `${apis.survey.origin}/ns/${crypto.randomUUID()}/surveys/responses`;
    const autoloader = `<script type="module" src="${subPath}civic-widgets.js"></script>`;
    const site = await sitePage(strictPolicy("'self'"), () => ({
      '/': page({ body: `<button id="add">add</button>${autoloader}<script type="module" src="/add.js"></script>` }),
      '/add.js': addLater,
      '/sidebar': page({
        body: `<district-sidebar survey-endpoint="${surveyEndpoint}"></district-sidebar>${autoloader}<script type="module" src="/sidebar.js"></script>`,
      }),
      '/sidebar.js': sidebar,
    }));
    try {
      const later = await open(`${site.origin}/`);
      await later.tab.waitForLoadState('networkidle');
      assert.ok(!later.report.scripts.some((path) => /civic-(feedback|notice-board|satisfaction-survey)\.js$/.test(path)), `entries loaded for absent tags: ${later.report.scripts}`);
      await later.tab.click('#add');
      assert.deepEqual(await waitUntilUseful(later.tab), ['zh-Hans']);
      assert.ok(later.report.scripts.some((path) => path.endsWith('/civic-notice-board.js')));
      assert.ok(!later.report.scripts.some((path) => /civic-(feedback|satisfaction-survey)\.js$/.test(path)));
      assert.deepEqual(await later.report.violations(), []);
      assert.deepEqual(later.report.errors, []);
      await later.context.close();

      const shadow = await open(`${site.origin}/sidebar`);
      await shadow.tab.waitForFunction(
        () => document.querySelector('district-sidebar')?.shadowRoot?.querySelector('civic-satisfaction-survey')?.shadowRoot?.querySelector('label.option'),
        null,
        { timeout: 20_000, polling: 100 },
      );
      assert.deepEqual(await shadow.report.violations(), []);
      assert.deepEqual(shadow.report.errors, []);
      await shadow.context.close();
    } finally {
      await site.close();
    }
  });
});

describe('Trusted Types with several copies of the widgets on one page', () => {
  for (const [name, scripts] of [
    ['two single files', ['/standalone/civic-feedback.js', '/standalone/civic-notice-board.js']],
    ['two widgets from the folder and a single file next to it', [`${subPath}civic-widgets.js`, '/standalone/civic-satisfaction-survey.js']],
    ['a single file loaded before the folder', ['/standalone/civic-satisfaction-survey.js', `${subPath}civic-widgets.js`]],
  ]) {
    test(`${name}: every widget works under trusted-types lit-html civic-widgets`, async () => {
      const site = await sitePage(strictPolicy("'self'"), (origin) => ({
        '/': page({ body: `${markup(origin, allWidgets)}${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('')}` }),
      }));
      const { context, tab, report } = await open(`${site.origin}/`);
      try {
        const widgets = name === 'two single files' ? 'civic-feedback, civic-notice-board' : undefined;
        const langs = await waitUntilUseful(tab, widgets);
        assert.ok(langs.every((lang) => lang === 'zh-Hans'), String(langs));
        assert.deepEqual(await report.violations(), []);
        assert.deepEqual(report.errors, []);
      } finally {
        await context.close();
        await site.close();
      }
    });
  }
});

describe('locales from the folder', () => {
  test('two widgets with different lang on one page each speak their own, and load only their own catalogs', async () => {
    const site = await sitePage(strictPolicy("'self'"), (origin) => ({
      '/': page({
        body:
          `${markup(origin, ['civic-feedback'], { 'civic-feedback': ' lang="zh-TW"' })}${markup(origin, ['civic-satisfaction-survey'], { 'civic-satisfaction-survey': ' lang="en"' })}` +
          `${markup(origin, ['civic-notice-board'])}<script type="module" src="${subPath}civic-widgets.js"></script>`,
      }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      const langs = await waitUntilUseful(tab, 'civic-feedback, civic-satisfaction-survey, civic-notice-board');
      assert.deepEqual(langs, ['zh-Hant', 'en', 'zh-Hans']);
      const heading = (tag, selector) => tab.evaluate(([tag, selector]) => document.querySelector(tag).shadowRoot.querySelector(selector)?.textContent, [tag, selector]);
      assert.match(await heading('civic-feedback', 'label[for="category"]'), /什麼/);
      assert.match(await heading('civic-satisfaction-survey', 'legend'), /[A-Za-z]/);
      const chunks = report.scripts.filter((path) => path.includes('/chunks/')).map((path) => chunkKind(path.split('/chunks/')[1]));
      assert.ok(chunks.includes('feedback-zh-Hant') && chunks.includes('notice-board-zh-Hans'), String(chunks));
      assert.ok(!chunks.includes('feedback-zh-Hans') && !chunks.some((chunk) => chunk.startsWith('satisfaction-survey-zh')), String(chunks));
      assert.deepEqual(report.errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('a blocked locale chunk leaves that widget working in English with one console error', async () => {
    interceptions.set('feedback-zh-Hans', 'block');
    const site = await sitePage(strictPolicy("'self'"), (origin) => ({
      '/': page({ body: `${markup(origin, ['civic-feedback', 'civic-satisfaction-survey'])}<script type="module" src="${subPath}civic-widgets.js"></script>` }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      const langs = await waitUntilUseful(tab);
      assert.deepEqual(langs, ['en', 'zh-Hans']);
      const label = await tab.evaluate(() => document.querySelector('civic-feedback').shadowRoot.querySelector('label[for="category"]').textContent);
      assert.match(label, /[A-Za-z]{4}/);
      assert.doesNotMatch(label, /[\u4e00-\u9fff]/);
      const ours = report.errors.filter((text) => text.includes('[civic-widgets]'));
      assert.equal(ours.length, 1, String(report.errors));
      assert.match(ours[0], /zh-Hans texts not loaded/);
    } finally {
      interceptions.clear();
      await context.close();
      await site.close();
    }
  });

  test('a locale chunk that is slow to arrive: English meanwhile, then the page’s language', async () => {
    let release;
    interceptions.set('feedback-zh-Hans', new Promise((resolve) => (release = resolve)));
    const site = await sitePage(strictPolicy("'self'"), (origin) => ({
      '/': page({ body: `${markup(origin, ['civic-feedback'])}<script type="module" src="${subPath}civic-widgets.js"></script>` }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      assert.deepEqual(await waitUntilUseful(tab), ['en']);
      release();
      await tab.waitForFunction(() => document.querySelector('civic-feedback').shadowRoot.querySelector('[lang]')?.getAttribute('lang') === 'zh-Hans', null, {
        timeout: 10_000,
      });
      assert.deepEqual(report.errors, []);
    } finally {
      release();
      interceptions.clear();
      await context.close();
      await site.close();
    }
  });
});

test('the notice board loads DOMPurify when a notice with HTML is first opened, and shows it sanitized', async () => {
  const htmlFeed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '通知',
    items: [{ id: 'h', title: '停水通知', content_html: '<p>滨江路<strong>暂停供水</strong> <a href="javascript:alert(1)">详情</a></p>' }],
  });
  const site = await sitePage(strictPolicy("'self'"), () => ({
    '/': page({ body: `<civic-notice-board src="/html.json"></civic-notice-board><script type="module" src="${subPath}civic-widgets.js"></script>` }),
    '/html.json': htmlFeed,
  }));
  const { context, tab, report } = await open(`${site.origin}/`);
  try {
    await waitUntilUseful(tab);
    assert.ok(!report.scripts.some((path) => /sanitize-html-/.test(path)), 'DOMPurify was loaded before a notice was opened');
    await tab.locator('civic-notice-board button.title').click();
    const content = tab.locator('civic-notice-board .content strong');
    await content.waitFor();
    assert.equal(await content.textContent(), '暂停供水');
    assert.equal(await tab.locator('civic-notice-board .content a').getAttribute('href'), null);
    assert.ok(report.scripts.some((path) => /sanitize-html-/.test(path)));
    assert.deepEqual(await report.violations(), []);
    assert.deepEqual(report.errors, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('an import map pins every file of the folder: a file that does not match its sha384 is not run', async () => {
  const printed = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/cdn-import-map.mjs', import.meta.url)), subPath], { encoding: 'utf8' });
  const map = JSON.parse(printed.stdout);
  assert.equal(Object.keys(map.integrity).length, readdirSync(cdnDir, { recursive: true }).filter((file) => String(file).endsWith('.js')).length);
  const tampered = structuredClone(map);
  const chunk = Object.keys(tampered.integrity).find((url) => /feedback-zh-Hans-/.test(url));
  tampered.integrity[chunk] = `sha384-${createHash('sha384').update('something else').digest('base64')}`;
  for (const [importMap, expected] of [[map, 'zh-Hans'], [tampered, 'en']]) {
    const inline = JSON.stringify(importMap);
    // An import map is an inline script to the CSP: the page allows it by its hash.
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    const site = await sitePage(strictPolicy(`'self' ${hash}`), (origin) => ({
      '/': page({ head: `<script type="importmap">${inline}</script>`, body: `${markup(origin, ['civic-feedback'])}<script type="module" src="${subPath}civic-widgets.js"></script>` }),
    }));
    const { context, tab, report } = await open(`${site.origin}/`);
    try {
      assert.deepEqual(await waitUntilUseful(tab), [expected]);
      assert.deepEqual(await report.violations(), []);
      if (expected === 'en') assert.ok(report.errors.some((text) => /integrity/i.test(text)), String(report.errors));
      else assert.deepEqual(report.errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  }
});

test('every file of the folder is in its sha384 manifest', async () => {
  const { integrityManifest } = await import('../scripts/cdn-build.mjs');
  const manifest = integrityManifest(cdnDir);
  const files = readdirSync(cdnDir, { recursive: true }).filter((file) => String(file).endsWith('.js'));
  assert.equal(Object.keys(manifest).length, files.length);
  for (const hash of Object.values(manifest)) assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
});
