import { expect } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, received, setGeolocation } from './helpers/open311.js';
import {
  choose,
  clearOutbox,
  fill,
  query,
  renderFeedback,
  shadow,
  submit,
  tick,
  waitForShadow,
  type Attrs,
} from './helpers/widget.js';

/** Whether `selector` matches in the widget (assertions compare booleans: a failed assertion holding a DOM node hangs the test runner). */
function has(element: CivicFeedback, selector: string): boolean {
  return shadow(element).querySelector(selector) !== null;
}

// An unfinished report survives a reload of the page (sessionStorage), text
// only: photos, the device's position and consent are never restored.
// "Reload" here: the widget is removed and a new one is made with the same
// attributes, as a reloaded page would.

async function reload(element: CivicFeedback, attrs: Attrs): Promise<CivicFeedback> {
  await element.updateComplete;
  element.remove();
  return renderFeedback(attrs);
}

function valueOf(element: CivicFeedback, selector: string): string {
  return query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(element, selector).value;
}

/** The control whose label starts with `text` (a category's extra question). */
function controlLabelled(element: CivicFeedback, text: string): HTMLInputElement {
  const label = [...shadow(element).querySelectorAll('label')].find((candidate) => candidate.textContent!.trim().startsWith(text));
  if (!label) throw new Error(`No label "${text}"`);
  return query<HTMLInputElement>(element, `#${label.htmlFor}`);
}

async function pngFile(): Promise<File> {
  const canvas = new OffscreenCanvas(120, 90);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#c33';
  context.fillRect(0, 0, 120, 90);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], 'bench.png', { type: 'image/png' });
}

describe('<civic-feedback> drafts', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });
  afterEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });

  it('restores the category, description, address and contact details after a reload', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const first = await renderFeedback(attrs);
    await choose(first, 'pothole');
    await fill(first, '#description', '人行道上有一个很深的坑');
    await fill(first, '#address', '淮海中路88号');
    await fill(first, '#name', '王小明');
    await fill(first, '#phone', '138 0000 0000');
    await fill(first, '#email', 'wang@example.cn');

    const second = await reload(first, attrs);
    expect(valueOf(second, '#category')).to.equal('pothole');
    expect(valueOf(second, '#description')).to.equal('人行道上有一个很深的坑');
    expect(valueOf(second, '#address')).to.equal('淮海中路88号');
    expect(valueOf(second, '#name')).to.equal('王小明');
    expect(valueOf(second, '#phone')).to.equal('138 0000 0000');
    expect(valueOf(second, '#email')).to.equal('wang@example.cn');
  });

  it('restores the answers to a category’s extra questions', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const first = await renderFeedback(attrs);
    await choose(first, 'noise');
    const floor = controlLabelled(first, 'Which floor do you live on?');
    floor.value = '12';
    floor.dispatchEvent(new Event('input', { bubbles: true }));
    await fill(first, '#description', 'Drilling every night');

    const second = await reload(first, attrs);
    await waitForShadow(second, 'fieldset legend');
    expect(valueOf(second, '#category')).to.equal('noise');
    expect(controlLabelled(second, 'Which floor do you live on?').value).to.equal('12');
    expect(valueOf(second, '#description')).to.equal('Drilling every night');
  });

  it('does not restore photos, the position or consent', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const first = await renderFeedback(attrs);
    await choose(first, 'pothole');
    await fill(first, '#description', 'Broken bench in the park');
    query(first, '#locate').click();
    await waitForShadow(first, '.position');
    await tick(first, '#consent');
    expect(query<HTMLInputElement>(first, '#consent').checked).to.equal(true);
    const input = query<HTMLInputElement>(first, '#photos');
    const transfer = new DataTransfer();
    transfer.items.add(await pngFile());
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitForShadow(first, 'canvas[role="img"]');

    const second = await reload(first, attrs);
    expect(valueOf(second, '#description')).to.equal('Broken bench in the park');
    expect(has(second, '.position'), '.position').to.equal(false);
    expect(has(second, '#locate'), '#locate').to.equal(true);
    expect(shadow(second).querySelectorAll('canvas[role="img"]').length).to.equal(0);
    // Nothing left to consent to: no address, position or contact details are in the form.
    expect(shadow(second).querySelector<HTMLInputElement>('#consent')?.checked ?? false).to.equal(false);

    // With an address consent is asked for again, unticked.
    await fill(second, '#address', 'Fuxing Park');
    expect(query<HTMLInputElement>(second, '#consent').checked).to.equal(false);
    // And what is sent carries no position.
    await submit(second);
    await waitForShadow(second, '.error-summary');
    await tick(second, '#consent');
    await submit(second);
    await waitForShadow(second, '.outcome.sent');
    const [post] = (await received(attrs.endpoint)).received;
    expect(post!.fields).to.not.have.property('lat');
    expect(post!.fields).to.not.have.property('long');
    expect(post!.media).to.have.length(0);
  });

  it('clears the draft once the report has been sent', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const first = await renderFeedback(attrs);
    await choose(first, 'suggestion');
    await fill(first, '#description', 'More benches along the canal');
    await fill(first, '#name', '李华');
    await tick(first, '#consent');
    await submit(first);
    await waitForShadow(first, '.outcome.sent');

    const second = await reload(first, attrs);
    expect(valueOf(second, '#category')).to.equal('');
    expect(valueOf(second, '#description')).to.equal('');
    expect(valueOf(second, '#name')).to.equal('');
    expect((await received(attrs.endpoint)).created).to.equal(1);
  });

  it('keeps one draft per endpoint and per preset category', async () => {
    const endpoint = newEndpoint();
    const other = newEndpoint();
    const general = { endpoint, 'min-fill-time': '0' };
    const pothole = { endpoint, 'service-code': 'pothole', 'min-fill-time': '0' };

    const a = await renderFeedback(general);
    await choose(a, 'question');
    await fill(a, '#description', 'When is the library open?');
    await a.updateComplete;
    a.remove();

    // Same endpoint, preset category: its own, empty draft.
    const b = await renderFeedback(pothole);
    expect(has(b, '#category'), '#category').to.equal(false);
    expect(valueOf(b, '#description')).to.equal('');
    await fill(b, '#description', 'Pothole on Xizang Road');
    await b.updateComplete;
    b.remove();

    // Another endpoint: nothing.
    const c = await renderFeedback({ endpoint: other, 'min-fill-time': '0' });
    expect(valueOf(c, '#category')).to.equal('');
    expect(valueOf(c, '#description')).to.equal('');
    c.remove();

    // Each form gets its own draft back.
    const a2 = await renderFeedback(general);
    expect(valueOf(a2, '#category')).to.equal('question');
    expect(valueOf(a2, '#description')).to.equal('When is the library open?');
    a2.remove();
    const b2 = await renderFeedback(pothole);
    expect(valueOf(b2, '#description')).to.equal('Pothole on Xizang Road');

    // Sending the preset-category report clears only its own draft.
    await submit(b2);
    await waitForShadow(b2, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.fields['service_code']).to.deep.equal(['pothole']);
    b2.remove();
    const a3 = await renderFeedback(general);
    expect(valueOf(a3, '#description')).to.equal('When is the library open?');
  });
});
