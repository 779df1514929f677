import { expect, waitUntil } from '@open-wc/testing';
import { newEndpoint, setMode } from './helpers/open311.js';
import { choose, query, renderFeedback, shadow } from './helpers/widget.js';

// A host's server sends a hostile or mistaken catalogue: 20,000 categories
// (about 3 MB), questions with 5,000 choices. The form reads at most
// max-response-bytes (default 2 MB) and uses what a person can: 500
// categories, 200 choices per question; each said once in the console.

function captureConsole(method: 'error' | 'warn') {
  const lines: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console[method] = original) };
}

async function hugeEndpoint(): Promise<string> {
  const endpoint = newEndpoint();
  await setMode(endpoint, 'huge-catalogue');
  return endpoint;
}

describe('<civic-feedback> with a huge catalogue', () => {
  it('past max-response-bytes (default 2 MB), it says plainly the form cannot be shown, with one console error naming the limit', async () => {
    const endpoint = await hugeEndpoint();
    const errors = captureConsole('error');
    let problem = '';
    try {
      const element = await renderFeedback({ endpoint });
      problem = (query(element, '.problem').textContent ?? '').trim();
      // Configuration and data problems may be logged a little after the first rendering.
      await waitUntil(() => errors.lines.length > 0, 'the console names the problem');
      element.requestUpdate();
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      errors.restore();
    }
    expect(problem).to.equal('The form cannot be shown: the server sent far more data than a form can use. Please call 12345 instead.');
    expect(errors.lines).to.have.length(1);
    expect(errors.lines[0]).to.contain(`max-response-bytes (${2 * 1024 * 1024} bytes)`);
  });

  it('max-response-bytes="1000" is configurable: even the seed catalogue is then too large', async () => {
    const errors = captureConsole('error');
    try {
      const element = await renderFeedback({ 'max-response-bytes': '1000' });
      expect(shadow(element).querySelector('.problem')?.textContent).to.contain('far more data than a form can use');
    } finally {
      errors.restore();
    }
  });

  it('within the limit, it keeps the first 500 categories and 200 choices per question, said once each in the console', async () => {
    const endpoint = await hugeEndpoint();
    const warnings = captureConsole('warn');
    try {
      const element = await renderFeedback({ endpoint, 'max-response-bytes': String(10 * 1024 * 1024) });
      const options = shadow(element).querySelectorAll('#category option[value]:not([value=""])');
      expect(options.length).to.equal(500);
      await choose(element, 'bulk-0');
      expect(query<HTMLSelectElement>(element, 'select#attribute-0-singlevaluelist').options.length).to.equal(1 + 200);
      expect(shadow(element).querySelectorAll('input[id^="attribute-1-multivaluelist"]').length).to.equal(200);
    } finally {
      warnings.restore();
    }
    expect(warnings.lines).to.deep.equal([
      '[civic-widgets] <civic-feedback>: services.json: 20000 entries, of which the form uses the first 500.',
      '[civic-widgets] <civic-feedback>: The values of singlevaluelist: 5000 entries, of which the form uses the first 200.',
      '[civic-widgets] <civic-feedback>: The values of multivaluelist: 5000 entries, of which the form uses the first 200.',
    ]);
  });
});
