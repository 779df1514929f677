// The demo district site as a citizen meets it before and around the widgets:
// while the bundles load, without scripting, and on a phone with the corner
// rating button. Run `npm run build` first; `npm test` does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { cliServer } from '../test/helpers/cli-server.mjs';

const bundle = fileURLToPath(new URL('../../../dist/standalone/civic-feedback.js', import.meta.url));

let server;
let browser;

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run npm run build first.`);
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  server = await cliServer();
  await server.start();
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.remove();
});

for (const [path, loading, needsScript] of [
  ['/contact.html', '正在加载在线反馈表单', '需要启用 JavaScript'],
  ['/en/contact.html', 'Loading the online feedback form', 'needs JavaScript'],
]) {
  test(`${path}: "loading" while the form's bundle is on its way, never "needs JavaScript"`, async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      // A slow connection: the bundle does not arrive while we look.
      await tab.route('**/cdn/civic-feedback.js', () => {});
      // The page never finishes loading (module scripts hold DOMContentLoaded back): look once it is parsed up to the form.
      await tab.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
      await tab.locator('civic-feedback .widget-loading').waitFor();
      const shown = await tab.locator('civic-feedback').innerText();
      assert.match(shown, new RegExp(loading));
      assert.doesNotMatch(shown, new RegExp(needsScript));
    } finally {
      await context.close();
    }
  });

  test(`${path}: without scripting, "needs JavaScript" and the hotline, no "loading"`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.origin}${path}`);
      const shown = await tab.locator('civic-feedback').innerText();
      assert.match(shown, new RegExp(needsScript));
      assert.match(shown, /12345/);
      assert.doesNotMatch(shown, new RegExp(loading));
    } finally {
      await context.close();
    }
  });
}

for (const careMode of [false, true]) {
  test(`on a phone${careMode ? ' in care mode' : ''}, the corner rating button leaves the footer's last line readable at the bottom of the page`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const tab = await context.newPage();
      if (careMode) await tab.addInitScript(() => document.documentElement.setAttribute('data-civic-care-mode', ''));
      await tab.goto(`${server.origin}/`);
      const trigger = tab.locator('civic-satisfaction-survey .trigger');
      await trigger.waitFor();
      // The page grows while the widgets render (notices, warnings): scroll again until the bottom stays reached.
      await tab.waitForFunction(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      const button = await trigger.boundingBox();
      const lastLine = await tab.locator('.footer-legal p').last().boundingBox();
      assert.ok(button && lastLine);
      assert.ok(lastLine.y + lastLine.height <= button.y, `the last footer line (bottom ${lastLine.y + lastLine.height}) runs under the button (top ${button.y})`);
    } finally {
      await context.close();
    }
  });
}
