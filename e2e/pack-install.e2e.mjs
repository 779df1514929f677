// The npm route: the workspaces packed with `npm pack`, installed from the
// tarballs into a fresh copy of each example under examples/ in a temporary
// folder, typechecked, built with Vite, and loaded in Chromium. Needs the npm
// registry (or npm's cache) for Lit and the other dependencies. Run
// `npm run build` first; `npm test` does.
//
//   node --test e2e/pack-install.e2e.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { folderRoute, pageRoute, startServer } from '../scripts/cdn/serve.mjs';
import { startOpen311TestServer } from '../packages/feedback/test/server/open311-test-server.mjs';
import { startSurveyTestServer } from '../packages/satisfaction-survey/test/server/survey-test-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work;
let tarballs;
let browser;
let open311;
let surveys;

/** Every workspace package that is published: `npm pack` each into the work folder. */
function packWorkspaces() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const published = workspaces.filter((dir) => !JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private);
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work, ...published.map((dir) => `--workspace=${dir}`)], { cwd: root, encoding: 'utf8' }),
  );
  return Object.fromEntries(packed.map(({ name, filename }) => [name, join(work, filename)]));
}

/** A fresh copy of examples/<name> whose @civic-widgets dependencies are the tarballs, installed. */
function installExample(name) {
  const app = join(work, name);
  cpSync(join(root, 'examples', name), app, { recursive: true, filter: (source) => !/[\\/](node_modules|dist)$/.test(source) });
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  // All tarballs as dependencies, so the widgets' own dependency on the core is the packed core too.
  for (const [packageName, file] of Object.entries(tarballs)) {
    if (packageName.startsWith('@civic-widgets/') && packageName !== '@civic-widgets/server') pkg.dependencies[packageName] = `file:${file}`;
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, stdio: 'inherit' });
  return app;
}

function run(app, script) {
  execFileSync(npm, ['run', script, '--silent'], { cwd: app, stdio: 'inherit' });
}

/** Every copy of a package installed in the app. */
function copiesOf(app, packageName) {
  return readdirSync(join(app, 'node_modules'), { recursive: true })
    .map(String)
    .filter((path) => path === `${packageName}/package.json` || path.endsWith(`/node_modules/${packageName}/package.json`));
}

async function serve(app) {
  const dist = join(app, 'dist');
  const noFavicon = (req, res, url) => url.pathname === '/favicon.ico' && Boolean(res.writeHead(204).end());
  // Vite writes its scripts under assets/, Angular's builder next to index.html.
  return startServer([pageRoute({ '/': readFileSync(join(dist, 'index.html'), 'utf8') }), noFavicon, folderRoute(dist, '/')]);
}

before(async () => {
  assert.ok(existsSync(join(root, 'packages/feedback/dist/define.js')), 'packages/*/dist is missing: run npm run build first.');
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  work = mkdtempSync(join(tmpdir(), 'civic-pack-'));
  tarballs = packWorkspaces();
  open311 = await startOpen311TestServer();
  surveys = await startSurveyTestServer();
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await open311?.close();
  await surveys?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens the built example, answers the survey and returns what the host page received, and the survey element's state. */
async function rateInExample(app, query = '') {
  const site = await serve(app);
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const errors = [];
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  tab.on('pageerror', (error) => errors.push(String(error)));
  try {
    await tab.goto(`${site.origin}/?endpoint=${encodeURIComponent(`${surveys.origin}/ns/${crypto.randomUUID()}/surveys/responses`)}${query}`);
    const survey = tab.locator('civic-satisfaction-survey');
    await survey.locator('.option:has(#rating-5)').click();
    await survey.locator('button[part="submit"]').click();
    await tab.locator('#received').filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    const element = await tab.evaluate(() => {
      const survey = document.querySelector('civic-satisfaction-survey');
      return {
        endpointAttribute: survey.getAttribute('endpoint'),
        // What React writes for serviceId on an element that is not defined yet.
        lowerCaseAttribute: survey.getAttribute('serviceid'),
        careMode: survey.careMode,
        serviceId: survey.serviceId,
        headingLevel: survey.headingLevel,
      };
    });
    return { received: await tab.locator('#received').textContent(), element, errors };
  } finally {
    await context.close();
    await site.close();
  }
}

describe('the npm packages in a Vite app', () => {
  test('install from their tarballs, typecheck, build with one Lit shared with the app, and work in Chromium', async () => {
    const app = installExample('vite-app');
    assert.deepEqual(copiesOf(app, 'lit-html'), ['lit-html/package.json'], 'Lit is installed more than once');
    run(app, 'typecheck');
    run(app, 'build');
    const site = await serve(app);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const tab = await context.newPage();
    const errors = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(String(error)));
    try {
      await tab.goto(`${site.origin}/?endpoint=${encodeURIComponent(`${open311.origin}/ns/${crypto.randomUUID()}/v2`)}`);
      await tab.locator('civic-feedback #category').waitFor({ timeout: 20_000 });
      assert.equal(await tab.locator('district-banner p').textContent(), '示范区人民政府');
      const state = await tab.evaluate(() => ({
        tags: ['civic-feedback', 'civic-satisfaction-survey', 'civic-notice-board'].map((tag) => Boolean(customElements.get(tag))),
        litCopies: globalThis.litHtmlVersions?.length,
        lang: document.querySelector('civic-feedback').shadowRoot.querySelector('[lang]').getAttribute('lang'),
      }));
      assert.deepEqual(state, { tags: [true, true, true], litCopies: 1, lang: 'zh-Hans' });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

describe('framework hosts', () => {
  test('React 19 sets the survey’s properties and hears its typed success event, also when it renders before the tag is defined; its JSX types come from the manifest', async () => {
    const app = installExample('react-app');
    run(app, 'typecheck');
    run(app, 'build');
    const { received, element, errors } = await rateInExample(app);
    assert.match(received, /^[\w-]{20,}$/, 'the success event did not reach React');
    // Set as a property, not an attribute: the element was defined before React rendered.
    assert.deepEqual(element, { endpointAttribute: null, lowerCaseAttribute: null, careMode: false, serviceId: 'lift-breakdown', headingLevel: 3 });
    assert.deepEqual(errors, []);

    // Rendered before the tag is defined, React writes attributes (serviceid="…", headinglevel="3"):
    // the widget takes them as its properties, typed, when it is defined, and the listener still hears it.
    const late = await rateInExample(app, '&define=after-render');
    assert.match(late.received, /^[\w-]{20,}$/, 'the success event did not reach React');
    assert.equal(late.element.lowerCaseAttribute, 'lift-breakdown', 'React rendered after the tag was defined');
    assert.equal(late.element.serviceId, 'lift-breakdown');
    assert.equal(late.element.headingLevel, 3);
    assert.equal(late.element.careMode, false);
    assert.deepEqual(late.errors, []);
  });

  test('Vue 3 with isCustomElement binds the survey and hears its success event; its GlobalComponents type comes from the manifest', async () => {
    const app = installExample('vue-app');
    run(app, 'typecheck');
    run(app, 'build');
    const { received, element, errors } = await rateInExample(app);
    assert.match(received, /^[\w-]{20,}$/, 'the success event did not reach Vue');
    assert.equal(element.serviceId, 'lift-breakdown');
    assert.deepEqual(errors, []);
  });

  test('Angular with CUSTOM_ELEMENTS_SCHEMA binds the survey’s properties and hears its success event, built by the Angular CLI', async () => {
    const app = installExample('angular-app');
    run(app, 'typecheck');
    run(app, 'build');
    const { received, element, errors } = await rateInExample(app);
    assert.match(received, /^[\w-]{20,}$/, 'the success event did not reach Angular');
    // [serviceId] and [callback] are property bindings: no attribute is written.
    assert.deepEqual(element, { endpointAttribute: null, lowerCaseAttribute: null, careMode: false, serviceId: 'lift-breakdown', headingLevel: 2 });
    assert.deepEqual(errors, []);
  });
});
