import { aTimeout, expect } from '@open-wc/testing';
import { received } from './helpers/open311.js';
import {
  choose,
  describeNode,
  fill,
  focused,
  matches,
  query,
  renderFeedback,
  shadow,
  submit,
  tick,
  waitForShadow,
} from './helpers/widget.js';
import type { CivicFeedback } from '../src/civic-feedback.js';

async function summaryLinks(el: CivicFeedback): Promise<HTMLAnchorElement[]> {
  const summary = await waitForShadow(el, '.error-summary');
  return [...summary.querySelectorAll('a')];
}

const linkTexts = (links: HTMLAnchorElement[]) => links.map((link) => link.textContent!.trim());

/** The error text shown next to a field, read through the field's own aria-describedby. */
function describedError(el: CivicFeedback, fieldId: string): string {
  const control = shadow(el).getElementById(fieldId)!;
  // Choices carry their description on the surrounding fieldset, as GOV.UK does.
  const group = control.matches('[type=radio], [type=checkbox]') ? control.closest('fieldset[aria-describedby]') : null;
  const describer = group ?? control;
  const ids = (describer.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const errorId = ids.find((id) => shadow(el).getElementById(id)?.classList.contains('error-message'));
  if (!errorId) return '';
  return shadow(el).getElementById(errorId)!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('<civic-feedback> validation', () => {
  it('an empty form shows an error summary that takes focus and links to each field', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await submit(el);
    const links = await summaryLinks(el);
    const summary = query(el, '.error-summary');
    expect(focused(el)).to.equal(describeNode(summary));
    // As GOV.UK builds it: the summary takes focus, an alert inside it is read out.
    expect(summary.querySelector('[role="alert"] h3')!.textContent!.trim()).to.equal('There is a problem');
    expect(linkTexts(links)).to.deep.equal(['Choose what your message is about', 'Describe the problem, question or suggestion']);
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#category', '#description']);
    expect((await received(el.endpoint)).received).to.have.length(0);
  });

  it('lists every error in the order of the fields, each linked to a field that says what is wrong', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', location: 'required' });
    await choose(el, 'noise');
    await fill(el, '#phone', 'abc');
    await fill(el, '#email', 'x@');
    await submit(el);
    const links = await summaryLinks(el);
    expect(linkTexts(links)).to.deep.equal([
      'Answer "What makes the noise?"',
      'Answer "Which floor do you live on?"',
      'Describe the problem, question or suggestion',
      'Enter an address or use your current location',
      'Enter a phone number, like 021 6321 0000 or 138 0000 0000',
      'Enter an email address in the correct format, like name@example.com',
      'Agree to the use of your details, or remove them',
    ]);
    const ids = links.map((link) => link.getAttribute('href')!.slice(1));
    expect(ids).to.deep.equal([
      'attribute-1-singlevaluelist',
      'attribute-4-number',
      'description',
      'address',
      'phone',
      'email',
      'consent',
    ]);
    // The linked controls appear in the same order on the page.
    const controls = ids.map((id) => shadow(el).getElementById(id)!);
    for (let index = 1; index < controls.length; index++) {
      expect(controls[index - 1]!.compareDocumentPosition(controls[index]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    }
    for (const [index, id] of ids.entries()) {
      const control = shadow(el).getElementById(id)!;
      expect(control.getAttribute('aria-invalid'), `aria-invalid of #${id}`).to.equal('true');
      expect(describedError(el, id), `error described for #${id}`).to.equal(`Error: ${linkTexts(links)[index]}`);
    }
    expect((await received(el.endpoint)).received).to.have.length(0);
  });

  it('clicking an error in the summary moves focus to its field', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'noise');
    await fill(el, '#phone', 'abc');
    await submit(el);
    const links = await summaryLinks(el);
    const go = async (text: string) => {
      links.find((link) => link.textContent!.trim() === text)!.click();
      await el.updateComplete;
      return focused(el);
    };
    expect(await go('Enter a phone number, like 021 6321 0000 or 138 0000 0000')).to.equal(describeNode(query(el, '#phone')));
    expect(await go('Describe the problem, question or suggestion')).to.equal(describeNode(query(el, '#description')));
    expect(await go('Answer "What makes the noise?"')).to.equal(describeNode(query(el, '#attribute-1-singlevaluelist')));
    expect(await go('Answer "Which floor do you live on?"')).to.equal(describeNode(query(el, '#attribute-4-number')));
    // The page did not navigate to a fragment.
    expect(location.hash).to.equal('');
  });

  it('a number question rejects "abc" but accepts full-width digits', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'noise');
    await tick(el, '#attribute-1-singlevaluelist');
    await fill(el, '#attribute-4-number', 'abc');
    await fill(el, '#description', 'Drilling every night.');
    await submit(el);
    expect(linkTexts(await summaryLinks(el))).to.deep.equal(['"Which floor do you live on?" must be a number']);
    expect(query(el, '#attribute-4-number').getAttribute('aria-invalid')).to.equal('true');

    await fill(el, '#attribute-4-number', '１２');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    expect((await received(el.endpoint)).received).to.have.length(1);
  });

  it('a description of 4001 characters can be typed, the count says it is one too many, and sending is refused', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'suggestion');
    await fill(el, '#description', 'x'.repeat(4001));
    const textarea = query<HTMLTextAreaElement>(el, '#description');
    expect(textarea.value.length).to.equal(4001);
    const count = query(el, '#description-count');
    expect(textarea.getAttribute('aria-describedby')!.split(' ')).to.include('description-count');
    expect(count.textContent!.trim()).to.match(/^You have 1 characters? too many$/);

    await submit(el);
    expect(linkTexts(await summaryLinks(el))).to.deep.equal(['The description must be 4000 characters or fewer']);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect((await received(el.endpoint)).received).to.have.length(0);

    await fill(el, '#description', 'x'.repeat(4000));
    expect(count.textContent!.trim()).to.equal('You have 0 characters remaining');
  });

  it('the character count uses the singular for one character', async () => {
    const el = await renderFeedback();
    await fill(el, '#description', 'x'.repeat(4001));
    expect(query(el, '#description-count').textContent!.trim()).to.equal('You have 1 character too many');
    await fill(el, '#description', 'x'.repeat(3999));
    expect(query(el, '#description-count').textContent!.trim()).to.equal('You have 1 character remaining');
  });

  it('asks for consent when a phone number is given', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'question');
    await fill(el, '#description', 'When is the library open on holidays?');
    await fill(el, '#phone', '138 0000 0000');
    await submit(el);
    expect(linkTexts(await summaryLinks(el))).to.deep.equal(['Agree to the use of your details, or remove them']);
    expect(query(el, '#consent').getAttribute('aria-invalid')).to.equal('true');
    expect(describedError(el, 'consent')).to.equal('Error: Agree to the use of your details, or remove them');
    expect((await received(el.endpoint)).received).to.have.length(0);
  });

  it('location="required" without an address is an error', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', location: 'required' });
    await choose(el, 'pothole');
    await fill(el, '#description', 'A deep hole.');
    await submit(el);
    expect(linkTexts(await summaryLinks(el))).to.deep.equal(['Enter an address or use your current location']);
    expect(describedError(el, 'address')).to.equal('Error: Enter an address or use your current location');
  });

  it('does not show errors when leaving a field, only on submit', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await fill(el, '#phone', 'abc');
    query(el, '#email').focus();
    await fill(el, '#email', 'x@');
    query(el, '#description').focus();
    await aTimeout(50);
    await el.updateComplete;
    expect(matches(el, '.error-summary, .error-message, [aria-invalid="true"]')).to.deep.equal([]);

    await submit(el);
    await summaryLinks(el);
    expect(shadow(el).querySelectorAll('.error-message').length).to.be.above(0);
  });

  it('errors go away once fixed and the report is sent', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await fill(el, '#phone', 'abc');
    await submit(el);
    expect(await summaryLinks(el)).to.have.length(4);

    await choose(el, 'question');
    await fill(el, '#description', 'When is the library open on holidays?');
    await fill(el, '#phone', '138 0000 0000');
    // Still showing until the next submit: nothing jumps around while typing.
    expect(shadow(el).querySelector('.error-summary')).to.exist;
    await tick(el, '#consent');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    expect(matches(el, '.error-summary, .error-message, [aria-invalid="true"]')).to.deep.equal([]);
    expect((await received(el.endpoint)).received).to.have.length(1);
  });

  it('a partially fixed form shows only the remaining errors', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await submit(el);
    expect(await summaryLinks(el)).to.have.length(2);
    await choose(el, 'praise');
    await submit(el);
    expect(linkTexts(await summaryLinks(el))).to.deep.equal(['Describe the problem, question or suggestion']);
    expect(query(el, '#category').hasAttribute('aria-invalid')).to.equal(false);
    expect(matches(el, '#category-error')).to.deep.equal([]);
    expect(query(el, '#description').getAttribute('aria-invalid')).to.equal('true');
  });
});
