import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { draftKey } from '../src/form/draft-store.js';
import { newEndpoint, received, setGeolocation } from './helpers/open311.js';
import {
  type Attrs,
  choose,
  chooseFiles,
  clearOutbox,
  fill,
  tick,
  png,
  query,
  renderFeedback,
  shadow,
  shownText,
  submit,
  waitForShadow,
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

describe('<civic-feedback> drafts', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });
  afterEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });

  it('restores the category, description and address after a reload, never the name, phone or email (shared computers)', async () => {
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
    expect(valueOf(second, '#name')).to.equal('');
    expect(valueOf(second, '#phone')).to.equal('');
    expect(valueOf(second, '#email')).to.equal('');
    // Nor are they anywhere in the tab's storage, for the next person at this computer to find.
    const stored = sessionStorage.getItem(draftKey(attrs.endpoint, '')) ?? '';
    expect(stored).to.contain('人行道上有一个很深的坑');
    for (const personal of ['王小明', '138', 'wang@example.cn']) expect(stored).to.not.contain(personal);
  });

  it('forgets a draft after 30 minutes without activity', async () => {
    const endpoint = newEndpoint();
    const draft = (minutesAgo: number) =>
      JSON.stringify({ serviceCode: 'pothole', description: 'Loose paving', attributes: {}, address: 'Fuxing Park', savedAt: Date.now() - minutesAgo * 60_000 });
    sessionStorage.setItem(draftKey(endpoint, ''), draft(29));
    const recent = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    expect(valueOf(recent, '#description')).to.equal('Loose paving');
    recent.remove();

    sessionStorage.setItem(draftKey(endpoint, ''), draft(31));
    const old = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    expect(valueOf(old, '#category')).to.equal('');
    expect(valueOf(old, '#description')).to.equal('');
    expect(valueOf(old, '#address')).to.equal('');
    expect(sessionStorage.getItem(draftKey(endpoint, ''))).to.equal(null);
  });

  it('typing keeps a draft alive: its time is that of the last change', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const el = await renderFeedback(attrs);
    const before = Date.now();
    await fill(el, '#description', 'Street light out');
    const stored = JSON.parse(sessionStorage.getItem(draftKey(attrs.endpoint, ''))!) as { savedAt: number };
    expect(stored.savedAt).to.be.within(before, Date.now());
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
    chooseFiles(first, [await png(120, 90, 'bench.png')]);
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

  it('says at the photos that photos added before a reload were not kept, until the citizen adds one again', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const first = await renderFeedback(attrs);
    await fill(first, '#description', 'Graffiti on the bridge');
    chooseFiles(first, [await png(120, 90, 'left.png'), await png(120, 90, 'right.png')]);
    await waitUntil(() => shadow(first).querySelectorAll('canvas[role="img"]').length === 2, 'two photos added');

    const second = await reload(first, attrs);
    expect(valueOf(second, '#description')).to.equal('Graffiti on the bridge');
    const dropped = query(second, 'fieldset:has(#photos) .dropped-photos');
    expect(dropped.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'The 2 photos you added before the page was reloaded could not be kept: add your photos again.',
    );
    // Read out with the photo button, too.
    expect(query(second, '#add-photos').getAttribute('aria-describedby')!.split(' ')).to.include(dropped.id);

    chooseFiles(second, [await png(120, 90, 'again.png')]);
    await waitForShadow(second, 'canvas[role="img"]');
    expect(has(second, '.dropped-photos'), '.dropped-photos').to.equal(false);
  });

  it('a draft without photos says nothing about photos', async () => {
    const attrs = { endpoint: newEndpoint(), 'min-fill-time': '0' };
    const first = await renderFeedback(attrs);
    await fill(first, '#description', 'Graffiti on the bridge');
    const second = await reload(first, attrs);
    expect(has(second, '.dropped-photos'), '.dropped-photos').to.equal(false);
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
  it('restores a category with questions: its questions are shown with the answers, and are sent at once', async () => {
    // The default min-fill-time (3 s): a restored draft was filled in before the reload and may be sent at once.
    const attrs = { endpoint: newEndpoint() };
    const first = await renderFeedback(attrs);
    await choose(first, 'noise');
    await tick(first, '#attribute-1-singlevaluelist-1'); // Traffic
    await fill(first, '#attribute-4-number', '7');
    await tick(first, '#attribute-6-multivaluelist-2'); // Night
    await fill(first, '#description', 'Lorries idling all night');

    const second = await reload(first, attrs);
    expect(valueOf(second, '#category')).to.equal('noise');
    expect(shownText(second).includes('What makes the noise?'), 'the questions of noise are shown').to.equal(true);
    expect(query<HTMLInputElement>(second, '#attribute-1-singlevaluelist-1').checked, 'Traffic').to.equal(true);
    expect(valueOf(second, '#attribute-4-number')).to.equal('7');
    expect(query<HTMLInputElement>(second, '#attribute-6-multivaluelist-2').checked, 'Night').to.equal(true);
    expect(query<HTMLInputElement>(second, '#attribute-6-multivaluelist').checked, 'Morning').to.equal(false);

    await submit(second);
    await waitForShadow(second, '.outcome.sent');
    const [post] = (await received(attrs.endpoint)).received;
    expect(post!.fields).to.deep.equal({
      service_code: ['noise'],
      'attribute[source]': ['traffic'],
      'attribute[floor]': ['7'],
      'attribute[when][]': ['night'],
      description: ['Lorries idling all night'],
    });
  });

  it('a stored draft with hostile answers (a number, an object, a list with a number, __proto__) does not break the form', async () => {
    const problems: string[] = [];
    const onError = (event: ErrorEvent) => void problems.push(`error: ${event.message}`);
    const onRejection = (event: PromiseRejectionEvent) => void problems.push(`unhandled rejection: ${String(event.reason)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const endpoint = newEndpoint();
      // Written as JSON text: an object literal's __proto__ would set the prototype instead of a key.
      sessionStorage.setItem(
        draftKey(endpoint, ''),
        `{"savedAt":${Date.now()},"serviceCode":"noise","description":"Drilling at night","attributes":` +
          '{"floor":12,"source":{"key":"traffic"},"when":["night",5],"details":"Very loud","__proto__":{"polluted":"yes"}}}',
      );
      const el = await renderFeedback({ endpoint, 'min-fill-time': '0' });
      expect(valueOf(el, '#category')).to.equal('noise');
      expect(valueOf(el, '#description')).to.equal('Drilling at night');
      // Only strings (and lists of strings) are taken from the draft.
      expect(valueOf(el, '#attribute-5-text')).to.equal('Very loud');
      expect(valueOf(el, '#attribute-4-number')).to.equal('');
      const ticked = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')]
        .filter((input) => input.checked)
        .map((input) => input.id);
      expect(ticked).to.deep.equal([]);

      await submit(el);
      await waitUntil(() => shadow(el).querySelector('.error-summary') || problems.length > 0, 'Send did nothing');
      expect(problems, 'what Send threw').to.deep.equal([]);
      const summary = await waitForShadow(el, '.error-summary');
      expect([...summary.querySelectorAll('a')].map((link) => link.textContent!.trim())).to.deep.equal([
        'Answer "What makes the noise?"',
        'Answer "Which floor do you live on?"',
      ]);
      expect((await received(endpoint)).received).to.have.length(0);

      await tick(el, '#attribute-1-singlevaluelist'); // Construction
      await fill(el, '#attribute-4-number', '2');
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      const [post] = (await received(endpoint)).received;
      expect(post!.fields).to.deep.equal({
        service_code: ['noise'],
        'attribute[source]': ['construction'],
        'attribute[floor]': ['2'],
        'attribute[details]': ['Very loud'],
        description: ['Drilling at night'],
      });
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(problems).to.deep.equal([]);
  });

  it('a draft whose category the server no longer has asks for a category again, and never sends the old one', async () => {
    const endpoint = newEndpoint();
    sessionStorage.setItem(
      draftKey(endpoint, ''),
      JSON.stringify({ serviceCode: 'street-furniture', description: 'The bench by the canal is broken', attributes: {}, savedAt: Date.now() }),
    );
    const el = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const picker = query<HTMLSelectElement>(el, '#category');
    expect(picker.value).to.equal('');
    expect(picker.selectedOptions[0]!.textContent!.trim()).to.equal('Choose a category');
    // The rest of the draft is kept.
    expect(valueOf(el, '#description')).to.equal('The bench by the canal is broken');

    await submit(el);
    const summary = await waitForShadow(el, '.error-summary');
    expect([...summary.querySelectorAll('a')].map((link) => link.textContent!.trim())).to.deep.equal([
      'Choose what your message is about',
    ]);
    expect((await received(endpoint)).received).to.have.length(0);

    await choose(el, 'suggestion');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const posts = (await received(endpoint)).received;
    expect(posts.map((post) => post.fields['service_code']![0])).to.deep.equal(['suggestion']);
  });
});
