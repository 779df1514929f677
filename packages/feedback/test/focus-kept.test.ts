import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { setMode } from './helpers/open311.js';
import { chooseFiles, clearOutbox, fill, focused, png, query, renderFeedback, shadow, waitForShadow } from './helpers/widget.js';

// Focus never falls to <body>: a control that is busy stays focusable
// (aria-disabled, presses ignored), and a control that goes away hands the
// focus to something meaningful. (The Send button: submission.test.ts; the
// earlier-report notice: shared-device.test.ts.)

/** Where focus is on the page: the widget's inner element, or `body` when it was lost. */
function focusAt(element: CivicFeedback): string {
  if (document.activeElement === document.body) return 'body';
  return focused(element);
}

function liveRegion(element: CivicFeedback): string {
  return (query(element, '[role="status"][aria-live="polite"]').textContent ?? '').trim();
}

describe('<civic-feedback> keeps the focus', () => {
  beforeEach(() => clearOutbox());
  afterEach(() => clearOutbox());

  it('the photo button stays focusable (aria-disabled) while photos are prepared, and keeps the focus after', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    const input = query<HTMLButtonElement>(element, '#add-photos');
    input.focus();
    chooseFiles(element, [await png(3000, 2000, 'big.png'), await png(2000, 3000, 'tall.png')]);
    await element.updateComplete;
    expect(input.getAttribute('aria-disabled')).to.equal('true');
    expect(input.disabled).to.equal(false);
    expect(focusAt(element)).to.equal('button#add-photos.file-button');
    // A press while busy does not open the picker.
    let opened = false;
    query(element, 'input#photos').addEventListener('click', () => (opened = true));
    input.click();
    expect(opened).to.equal(false);

    await waitUntil(() => !input.hasAttribute('aria-disabled'), 'photos prepared', { timeout: 8000 });
    expect(shadow(element).querySelectorAll('canvas[role="img"]').length).to.equal(2);
    expect(focusAt(element)).to.equal('button#add-photos.file-button');
    // Ready again: a press opens the picker.
    input.click();
    expect(opened).to.equal(true);
  });

  it('Check progress stays focused (aria-disabled) while checking, and presses meanwhile are ignored', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await setMode(element.endpoint, 'slow-lookups');
    query<HTMLButtonElement>(element, 'form .link').click();
    await waitForShadow(element, 'form.progress');
    await fill(element, '#reference', 'SR-404');
    const button = query<HTMLButtonElement>(element, 'form.progress button.primary');
    button.focus();
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.equal(false);
    expect(focusAt(element)).to.equal('button.primary "Checking…"');
    button.click();
    await waitForShadow(element, '.outcome-problem', 6000);
    expect(focusAt(element)).to.equal('button.primary "Check progress"');
    await waitUntil(() => liveRegion(element) === 'No report has this tracking number. Check it and try again.', `announced: "${liveRegion(element)}"`);
  });

  it('an empty tracking number is announced, and the field is marked invalid and described by the error', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    query<HTMLButtonElement>(element, 'form .link').click();
    await waitForShadow(element, 'form.progress');
    const field = query<HTMLInputElement>(element, '#reference');
    field.focus();
    // Enter pressed in the empty field: focus is already there, so only the announcement tells.
    query<HTMLFormElement>(element, 'form.progress').requestSubmit();
    await waitUntil(() => liveRegion(element) !== '', 'something is announced');
    expect(liveRegion(element)).to.equal('Error: Enter your tracking number');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')!.split(' ')).to.include('reference-error');
    expect(query(element, '#reference-error').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter your tracking number');
    expect(focusAt(element)).to.equal('input#reference');
  });
});
