import { startLocatorTestServer } from './locator-test-server.mjs';

/**
 * The service locator's part of web-test-runner.config.js: its test server for
 * the whole run, its origin in the generated module /locator-test-config.js,
 * and an `emulate-timezone` command that puts the browser in another time zone
 * (the widget must show Shanghai's hours whatever the device's zone).
 */
export function locatorTestPlugin() {
  let server;
  return {
    name: 'service-locator-test-server',
    async serverStart() {
      server = await startLocatorTestServer();
    },
    async serverStop() {
      await server?.close();
    },
    serve(context) {
      if (context.path === '/locator-test-config.js') return { body: `export const locatorOrigin = ${JSON.stringify(server.origin)};\n`, type: 'js' };
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateTimezone(payload?.timeZone ?? undefined);
      return true;
    },
  };
}
