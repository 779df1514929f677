import { expect, waitUntil } from '@open-wc/testing';
import { newEndpoint, received } from './helpers/open311.js';
import { choose, fill, loaded, matches, query, renderFeedback, shadow, shownText, submit, tick, waitForShadow } from './helpers/widget.js';
import type { CivicFeedback } from '../src/civic-feedback.js';

/** The label a person (and a screen reader) gets for a control: its own <label> elements. */
function labelOf(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  return [...(control.labels ?? [])].map((label) => label.textContent!.replace(/\s+/g, ' ').trim()).join(' ');
}

/** The category's extra questions, in the order they are shown: everything between the picker and the description. */
function questions(el: CivicFeedback): Element[] {
  const form = query(el, 'form');
  const description = query(el, '#description').closest('.field')!;
  return [...form.children].filter(
    (child) =>
      (child.matches('.field, .note') && child.compareDocumentPosition(description) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !child.querySelector('#category'),
  );
}

describe('<civic-feedback> form fields', () => {
  it('groups the categories into optgroups by their group, in the order the server lists them', async () => {
    const el = await renderFeedback();
    const select = query<HTMLSelectElement>(el, '#category');
    expect(labelOf(select)).to.equal('What is your message about?');
    expect(select.options[0]!.value).to.equal('');
    expect(select.options[0]!.textContent!.trim()).to.equal('Choose a category');
    const groups = [...select.querySelectorAll('optgroup')].map((group) => [
      group.label,
      [...group.querySelectorAll('option')].map((option) => option.value),
    ]);
    expect(groups).to.deep.equal([
      ['咨询', ['question']],
      ['求助', ['help-elderly']],
      ['投诉', ['noise', 'broken-def', 'pothole']],
      ['建议', ['suggestion']],
      ['表扬', ['praise']],
    ]);
    expect(query(el, 'option[value="noise"]').textContent!.trim()).to.equal('Noise complaint');
  });

  it('shows the chosen category’s description as a hint tied to the picker', async () => {
    const el = await renderFeedback();
    await choose(el, 'pothole');
    const select = query<HTMLSelectElement>(el, '#category');
    const hint = shadow(el).getElementById(select.getAttribute('aria-describedby')!)!;
    expect(hint.textContent!.trim()).to.equal('Holes or damage in a road or pavement.');
  });

  it('service-code preselects the category, hides the picker and shows its questions', async () => {
    const el = await renderFeedback({ 'service-code': 'noise' });
    expect(matches(el, '#category')).to.deep.equal([]);
    expect(shownText(el)).not.to.contain('What is your message about?');
    expect(shownText(el)).to.contain('What makes the noise?');
    expect(shadow(el).querySelector('#description')).to.exist;
  });

  it('renders every question of `noise` in `order` as a labelled control of the right kind', async () => {
    const el = await renderFeedback();
    await choose(el, 'noise');
    const shown = questions(el);
    expect(shown).to.have.length(7);

    // 1: variable:false is information, not a question.
    const note = shown[0]!;
    expect(note.textContent!.trim()).to.equal('Licensed construction between 08:00 and 18:00 on working days is allowed.');
    expect(note.querySelectorAll('input, select, textarea').length).to.equal(0);

    // 2: singlevaluelist with 3 values → radios in a fieldset with a legend.
    const source = shown[1]!;
    expect(source.localName).to.equal('fieldset');
    expect(source.querySelector('legend')!.textContent!.trim()).to.equal('What makes the noise?');
    const radios = [...source.querySelectorAll<HTMLInputElement>('input')];
    expect(radios.map((radio) => radio.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(radios.map(labelOf)).to.deep.equal(['Construction', 'Traffic', 'Neighbours']);
    expect(new Set(radios.map((radio) => radio.name)).size).to.equal(1);

    // 3: datetime → datetime-local.
    const started = shown[2]!.querySelector<HTMLInputElement>('input')!;
    expect(started.type).to.equal('datetime-local');
    expect(labelOf(started)).to.equal('When did it start? (optional)');

    // 4: string → text input.
    const venue = shown[3]!.querySelector<HTMLInputElement>('input')!;
    expect(venue.type).to.equal('text');
    expect(venue.hasAttribute('inputmode')).to.equal(false);
    expect(labelOf(venue)).to.equal('Name of the site or shop, if known (optional)');

    // 5: number → a text input with a decimal keyboard.
    const floor = shown[4]!.querySelector<HTMLInputElement>('input')!;
    expect(floor.type).to.equal('text');
    expect(floor.inputMode).to.equal('decimal');
    expect(labelOf(floor)).to.equal('Which floor do you live on?');

    // 6: text → textarea.
    const details = shown[5]!.querySelector('textarea')!;
    expect(details).to.exist;
    expect(labelOf(details)).to.equal('Describe the noise (optional)');

    // 7: multivaluelist → checkboxes in a fieldset with a legend.
    const when = shown[6]!;
    expect(when.localName).to.equal('fieldset');
    expect(when.querySelector('legend')!.textContent!.trim()).to.equal('When does it happen? (optional)');
    const boxes = [...when.querySelectorAll<HTMLInputElement>('input')];
    expect(boxes.map((box) => box.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(boxes.map(labelOf)).to.deep.equal(['Morning', 'Evening', 'Night (22:00–06:00)']);
  });

  it('labels every control of the form, with required questions unmarked and optional ones marked', async () => {
    const el = await renderFeedback();
    await choose(el, 'noise');
    await fill(el, '#address', 'Lane 12, Wulumuqi Road');
    const controls = [...shadow(el).querySelectorAll<HTMLInputElement>('form input, form select, form textarea')].filter(
      // The hidden file input is opened by the "Add photos" button (checked below) and is out of the accessibility tree.
      (control) => control.id !== 'website' && control.type !== 'hidden' && !control.hidden,
    );
    expect(controls.length).to.be.above(12);
    for (const control of controls) {
      const label = labelOf(control);
      expect(label, `label of #${control.id}`).not.to.equal('');
      // The association is a real one: for= names the control, or the label wraps it.
      const associated = [...control.labels!].every((item) => item.htmlFor === control.id || item.contains(control));
      expect(associated, `#${control.id} is associated with its label`).to.equal(true);
    }
    const legends = [...shadow(el).querySelectorAll('legend')].map((legend) => legend.textContent!.trim());
    expect(legends).to.include('What makes the noise?');
    expect(legends).to.include('When does it happen? (optional)');
    expect(legends).to.include('Where is it? (optional)');
    expect(legends).to.include('Your contact details (optional)');
    expect(labelOf(query(el, '#description'))).to.equal('Describe the problem, question or suggestion');
    expect(legends).to.include('Photos (optional)');
    expect(query(el, '#add-photos').textContent!.trim()).to.equal('Add photos');
  });

  it('location="required" drops "(optional)" from the location question', async () => {
    const el = await renderFeedback({ location: 'required' });
    expect(query(el, 'fieldset:has(#address) legend').textContent!.trim()).to.equal('Where is it?');
  });

  it('location="none" hides the location question', async () => {
    const el = await renderFeedback({ location: 'none' });
    expect(matches(el, '#address')).to.deep.equal([]);
    expect(matches(el, '#locate')).to.deep.equal([]);
    expect(shownText(el)).not.to.contain('Where is it?');
  });

  it('max-photos="0" hides photos', async () => {
    const el = await renderFeedback({ 'max-photos': '0' });
    expect(matches(el, 'input[type="file"]')).to.deep.equal([]);
    expect(shownText(el)).not.to.contain('Photos');
  });

  it('max-photos sets the number the hint promises', async () => {
    const el = await renderFeedback({ 'max-photos': '5' });
    expect(query(el, '#photos-hint').textContent).to.contain('Up to 5.');
  });

  it('ticking "anonymous" hides name, phone and email, and unticking brings them back', async () => {
    const el = await renderFeedback();
    expect(labelOf(query(el, '#name'))).to.equal('Name');
    expect(labelOf(query(el, '#phone'))).to.equal('Phone number');
    expect(labelOf(query(el, '#email'))).to.equal('Email address');
    expect(labelOf(query(el, '#anonymous'))).to.equal('Send without my name and contact details');

    await tick(el, '#anonymous');
    expect(matches(el, '#name, #phone, #email')).to.deep.equal([]);
    await tick(el, '#anonymous');
    expect(shadow(el).querySelectorAll('#name, #phone, #email')).to.have.length(3);
  });

  it('asks for consent only once contact details or a location are given', async () => {
    const el = await renderFeedback();
    await choose(el, 'pothole');
    await fill(el, '#description', 'A deep hole by the bus stop.');
    expect(matches(el, '#consent')).to.deep.equal([]);

    await fill(el, '#address', '88 Huaihai Road');
    expect(labelOf(query(el, '#consent'))).to.contain('I agree that the district uses the contact details and location');
    await fill(el, '#address', '');
    expect(matches(el, '#consent')).to.deep.equal([]);

    await fill(el, '#phone', '138 0000 0000');
    expect(shadow(el).querySelector('#consent')).to.exist;
    // Anonymous: the typed phone number will not be sent, so there is nothing to consent to.
    await tick(el, '#anonymous');
    expect(matches(el, '#consent')).to.deep.equal([]);
  });

  it('privacy-url adds a link to the privacy notice that opens safely in a new tab', async () => {
    const el = await renderFeedback({ 'privacy-url': 'https://district.example/privacy' });
    await fill(el, '#email', 'li.lei@example.com');
    const link = query<HTMLAnchorElement>(el, 'a[href="https://district.example/privacy"]');
    expect(link.textContent!.trim()).to.equal('How we use your information (opens in a new tab)');
    expect(link.target).to.equal('_blank');
    expect(link.rel.split(' ')).to.include('noopener');
  });

  it('a javascript: privacy-url never becomes a link', async () => {
    const el = await renderFeedback({ 'privacy-url': 'javascript:alert(1)' });
    await fill(el, '#email', 'li.lei@example.com');
    expect(shadow(el).querySelector('#consent')).to.exist;
    expect(matches(el, 'a[href^="javascript"]')).to.deep.equal([]);
    expect(shownText(el)).not.to.contain('How we use your information');
  });
  /** Whether the widget shows `text` (a boolean: a failed assertion then names the text, not the whole form). */
  const shows = (el: CivicFeedback, text: string) => shownText(el).includes(text);
  const optionValues = (el: CivicFeedback) =>
    [...(shadow(el).querySelector<HTMLSelectElement>('#category')?.options ?? [])].map((option) => option.value);

  for (const initial of ['pothole', null] as const) {
    it(`service-code changed at run time (from ${initial ? `"${initial}"` : 'none'}) to a category with questions loads and shows them, and they are sent`, async () => {
      const el = await renderFeedback({ 'service-code': initial, 'min-fill-time': '0' });
      expect(shows(el, 'What makes the noise?'), 'questions before').to.equal(false);

      el.setAttribute('service-code', 'noise');
      await el.updateComplete;
      await waitUntil(() => shows(el, 'What makes the noise?'), 'the questions of noise did not appear', { timeout: 3000 });
      await loaded(el);
      expect(matches(el, '#category')).to.deep.equal([]);

      await tick(el, '#attribute-1-singlevaluelist'); // Construction
      await fill(el, '#attribute-4-number', '5');
      await fill(el, '#description', 'Pile driving from 6 in the morning.');
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      const [post] = (await received(el.endpoint)).received;
      expect(post!.fields).to.deep.equal({
        service_code: ['noise'],
        'attribute[source]': ['construction'],
        'attribute[floor]': ['5'],
        description: ['Pile driving from 6 in the morning.'],
      });
    });
  }

  it('an endpoint changed at run time shows the new endpoint’s questions for the preset category, not the old one’s', async () => {
    const first = newEndpoint();
    const el = await renderFeedback({ endpoint: first, 'service-code': 'noise', 'min-fill-time': '0' });
    expect(shows(el, 'What makes the noise?'), 'the first district’s question').to.equal(true);

    const other = newEndpoint('other');
    el.endpoint = other;
    await el.updateComplete;
    await waitUntil(() => shows(el, 'How loud is it?'), 'the other district’s question did not appear', { timeout: 3000 });
    await loaded(el);
    expect(shows(el, 'What makes the noise?'), 'the first district’s question').to.equal(false);
    expect(shows(el, 'Which floor do you live on?'), 'the first district’s question').to.equal(false);

    await tick(el, '#attribute-0-singlevaluelist-1'); // Loud
    await fill(el, '#description', 'Karaoke bar, every night.');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const [post] = (await received(other)).received;
    expect(post!.fields).to.deep.equal({
      service_code: ['noise'],
      'attribute[loudness]': ['loud'],
      description: ['Karaoke bar, every night.'],
    });
    expect((await received(first)).received).to.have.length(0);
  });

  it('an endpoint changed at run time lists the new endpoint’s categories, and a category chosen there gets its questions', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'noise');
    expect(shows(el, 'What makes the noise?'), 'the first district’s question').to.equal(true);

    el.setAttribute('endpoint', newEndpoint('other'));
    await el.updateComplete;
    await waitUntil(() => optionValues(el).join() === ',streetlight,noise', 'the other district’s categories did not appear', { timeout: 3000 });
    await loaded(el);
    expect(optionValues(el)).to.deep.equal(['', 'streetlight', 'noise']);
    expect(query<HTMLSelectElement>(el, '#category').value).to.equal('');
    expect(shows(el, 'What makes the noise?'), 'the first district’s question').to.equal(false);

    await choose(el, 'noise');
    expect(shows(el, 'How loud is it?'), 'the other district’s question').to.equal(true);
    expect(shows(el, 'What makes the noise?'), 'the first district’s question').to.equal(false);
  });
});
