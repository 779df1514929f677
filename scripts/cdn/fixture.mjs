// Pages with the widgets, their real test servers, and how to tell that a
// widget reached its first useful state: shared by the shared folder's tests
// (e2e/cdn-folder.e2e.mjs) and its budget script (scripts/cdn-budgets.mjs).
import { startOpen311TestServer } from '../../packages/feedback/test/server/open311-test-server.mjs';
import { startSurveyTestServer } from '../../packages/satisfaction-survey/test/server/survey-test-server.mjs';
import { startLocatorTestServer } from '../../packages/service-locator/test/server/locator-test-server.mjs';

/** A JSON Feed with text content only: no HTML to sanitize. */
export const textFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: '示范区通知公告',
  language: 'zh-CN',
  items: [
    { id: '1', title: '漕溪北路夜间施工', content_text: '12 月 8 日至 12 日 22:00 至次日 5:00 封闭一条车道。', date_published: '2026-12-01T09:00:00+08:00' },
    { id: '2', title: '社区服务中心延长开放时间', content_text: '周六上午也可办理居住证。', date_published: '2026-11-28T09:00:00+08:00' },
  ],
});

export async function startApis() {
  const [open311, survey, locator] = await Promise.all([startOpen311TestServer(), startSurveyTestServer(), startLocatorTestServer()]);
  return {
    open311,
    survey,
    locator,
    connectSources: [open311.origin, survey.origin, locator.origin],
    close: () => Promise.all([open311.close(), survey.close(), locator.close()]),
  };
}

/**
 * The markup of each widget, by tag; `feedUrl` is where the page serves
 * `textFeed`. Each widget gets its own namespace on the test servers.
 */
export function widgetMarkup(apis, feedUrl, tag, attributes = '') {
  const ns = crypto.randomUUID();
  switch (tag) {
    case 'civic-feedback':
      return `<civic-feedback endpoint="${apis.open311.origin}/ns/${ns}/v2" min-fill-time="0"${attributes}></civic-feedback>`;
    case 'civic-satisfaction-survey':
      return `<civic-satisfaction-survey endpoint="${apis.survey.origin}/ns/${ns}/surveys/responses"${attributes}></civic-satisfaction-survey>`;
    case 'civic-notice-board':
      return `<civic-notice-board src="${feedUrl}"${attributes}></civic-notice-board>`;
    case 'civic-service-locator':
      return `<civic-service-locator src="${apis.locator.origin}/ns/${ns}/fixtures/points.geojson" holidays-src="${apis.locator.origin}/ns/${ns}/fixtures/holidays-2026.json"${attributes}></civic-service-locator>`;
    default:
      throw new Error(`No test markup for <${tag}>: add it to scripts/cdn/fixture.mjs.`);
  }
}

/** What each widget shows once it is useful: the form's fields, the rating options, the notices. */
export const firstUsefulState = {
  'civic-feedback': '#category',
  'civic-satisfaction-survey': 'label.option',
  'civic-notice-board': 'li.notice',
  'civic-service-locator': 'li.point',
};

export function page({ lang = 'zh-CN', head = '', body }) {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>示范区</title>${head}</head>
<body>
<main>${body}</main>
</body>
</html>`;
}

/**
 * Resolves when every widget matching `selector` in `tab` shows its first useful
 * state; returns what each root says its language is.
 */
export async function waitUntilUseful(tab, selector = Object.keys(firstUsefulState).join(','), timeout = 20_000) {
  await tab.waitForFunction(
    ({ selector, states }) =>
      [...document.querySelectorAll(selector)].every((widget) => widget.shadowRoot?.querySelector(states[widget.localName])),
    { selector, states: firstUsefulState },
    { timeout, polling: 100 },
  );
  return tab.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((widget) => widget.shadowRoot.querySelector('[lang]')?.getAttribute('lang')),
    selector,
  );
}
