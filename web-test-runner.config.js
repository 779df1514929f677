import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { startOpen311TestServer } from './packages/feedback/test/server/open311-test-server.mjs';
import { startSurveyTestServer } from './packages/satisfaction-survey/test/server/survey-test-server.mjs';
import { startFeedTestServer } from './packages/notice-board/test/server/feed-test-server.mjs';
import { locatorTestPlugin } from './packages/service-locator/test/server/locator-test-plugin.mjs';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
}

/**
 * Runs a real Open311 server, a real survey server and a real feed server next
 * to the test server for the whole run and tells the tests where they are
 * through a tiny generated module, `/test-config.js` (typed in
 * packages/feedback/test/test-config.d.ts, packages/satisfaction-survey/test/test-config.d.ts
 * and packages/notice-board/test/test-config.d.ts).
 */
function open311ServerPlugin() {
  let server;
  let surveyServer;
  let feedServer;
  return {
    name: 'open311-test-server',
    async serverStart() {
      [server, surveyServer, feedServer] = await Promise.all([startOpen311TestServer(), startSurveyTestServer(), startFeedTestServer()]);
    },
    async serverStop() {
      await Promise.all([server?.close(), surveyServer?.close(), feedServer?.close()]);
    },
    serve(context) {
      if (context.path === '/test-config.js') {
        return {
          body:
            `export const open311Origin = ${JSON.stringify(server.origin)};\n` +
            `export const surveyOrigin = ${JSON.stringify(surveyServer.origin)};\n` +
            `export const feedOrigin = ${JSON.stringify(feedServer.origin)};\n`,
          type: 'js',
        };
      }
    },
  };
}

/**
 * `set-geolocation` command: the page's real Geolocation API then answers with
 * the given position, or fails with PERMISSION_DENIED for `{ deny: true }`.
 */
function geolocationPlugin() {
  return {
    name: 'set-geolocation-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-geolocation') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('set-geolocation needs the Chrome launcher');
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      const deny = Boolean(payload?.deny);
      await page.browserContext().setPermission(origin, {
        permission: { name: 'geolocation' },
        state: deny ? 'denied' : 'granted',
      });
      if (!deny) {
        const { latitude, longitude, accuracy = 10 } = payload ?? {};
        if (typeof latitude !== 'number' || typeof longitude !== 'number') {
          throw new Error('set-geolocation needs { latitude, longitude } or { deny: true }');
        }
        await page.setGeolocation({ latitude, longitude, accuracy });
      }
      return true;
    },
  };
}

export default {
  files: ['packages/*/test/**/*.test.ts'],
  // 'source' makes workspace packages resolve to their src/*.ts (see their
  // exports maps), so tests never run against a stale dist/.
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // Tests share one origin's IndexedDB, sessionStorage and permissions.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, args: chromiumArgs, headless: true },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Lit's development build announces itself once per test file; nothing to act on.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  plugins: [
    // esbuild reads tsconfig files raw and ignores "extends", so point it at the
    // file that holds experimentalDecorators and useDefineForClassFields: false.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    open311ServerPlugin(),
    geolocationPlugin(),
    locatorTestPlugin(),
  ],
};
