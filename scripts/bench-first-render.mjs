// Measures, in Chromium, how long the widgets from their standalone bundles take
// to render: script time from inserting the tag to the first frame, with any
// server answers already at hand, so the network is not measured.
// Prints figures; it is a benchmark, not a test. Run `npm run build` first.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './find-chromium.mjs';
import { startOpen311TestServer } from '../packages/feedback/test/server/open311-test-server.mjs';

const runs = 30;
const bundles = ['civic-feedback.js', 'civic-satisfaction-survey.js'];
const api = await startOpen311TestServer();
const server = createServer((request, response) => {
  const bundle = bundles.find((name) => request.url === `/${name}`);
  if (bundle) {
    response.setHeader('content-type', 'text/javascript');
    response.end(readFileSync(new URL(`../dist/standalone/${bundle}`, import.meta.url)));
    return;
  }
  const scripts = bundles.map((name) => `<script type="module" src="/${name}"></script>`).join('');
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title>${scripts}<body></body></html>`);
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => customElements.get('civic-feedback') && customElements.get('civic-satisfaction-survey'));
  const figures = await page.evaluate(
    async ({ endpoint, runs }) => {
      const timings = { shell: [], form: [] };
      for (let run = 0; run < runs; run++) {
        const element = document.createElement('civic-feedback');
        element.setAttribute('endpoint', endpoint);
        const start = performance.now();
        document.body.append(element);
        await element.updateComplete;
        timings.shell.push(performance.now() - start);
        // The update that first builds the form, timed around Lit's performUpdate
        // once the services have arrived.
        const form = await new Promise((resolve) => {
          const performUpdate = element.performUpdate.bind(element);
          element.performUpdate = () => {
            const updateStart = performance.now();
            performUpdate();
            if (element.shadowRoot.querySelector('#category')) resolve(performance.now() - updateStart);
          };
        });
        timings.form.push(form);
        element.remove();
      }
      return timings;
    },
    { endpoint: `${api.origin}/ns/bench/v2`, runs },
  );
  // The survey needs no answer from a server to show its question: its first update is the whole first render.
  const survey = await page.evaluate(async (runs) => {
    const timings = [];
    for (let run = 0; run < runs; run++) {
      const element = document.createElement('civic-satisfaction-survey');
      element.setAttribute('endpoint', '/surveys/responses');
      element.setAttribute('cooldown-days', '0');
      const start = performance.now();
      document.body.append(element);
      await element.updateComplete;
      timings.push(performance.now() - start);
      element.remove();
    }
    return timings;
  }, runs);
  const describe = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))].toFixed(2);
    return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1).toFixed(2)} ms`;
  };
  console.log(`<civic-feedback> first render (loading state), ${runs} runs: ${describe(figures.shell)}`);
  console.log(`<civic-feedback> first render of the full form (7 categories), ${runs} runs: ${describe(figures.form)}`);
  console.log(`<civic-satisfaction-survey> first render (the five 好差评 grades), ${runs} runs: ${describe(survey)}`);
} finally {
  await browser.close();
  server.close();
  await api.close();
}
