import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  focused,
  query,
  renderSurvey,
  shadow,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// Everything done with the keyboard alone, through real key presses: the
// rating is one radio group (one tab stop, arrow keys), the rest are the
// usual checkboxes, fields and buttons.

/** Presses Tab until the widget's element matching `selector` has focus. */
async function tabTo(el: Survey, selector: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (document.activeElement === el && shadow(el).activeElement?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector} (focus is on ${focused(el)})`);
}

function checked(el: Survey): string {
  return shadow(el).querySelector<HTMLInputElement>('input[name="rating"]:checked')?.id ?? 'none';
}

describe('<civic-satisfaction-survey> with the keyboard only', () => {
  useCleanState();
  beforeEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('a low rating with reasons, a comment and a consented call-back is completed and sent without a mouse', async () => {
    const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-keyboard' });

    // One tab stop for the whole scale; arrow keys move through the grades.
    await tabTo(el, 'input[name="rating"]');
    expect(focused(el)).to.equal('input#rating-5');
    for (let press = 0; press < 4; press++) await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => checked(el) === 'rating-1', `ArrowDown ×4 chose "Very dissatisfied" (checked: ${checked(el)})`);
    await waitForShadow(el, 'fieldset.reasons');

    // The next Tab leaves the scale for the first reason.
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.getAttribute('value')).to.equal('efficiency');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // guide-accuracy
    await sendKeys({ press: 'Tab' }); // convenience
    await sendKeys({ press: 'Space' });

    await tabTo(el, '#comment');
    await sendKeys({ type: '等了两个小时，窗口只开了一个。' });

    await tabTo(el, '#callback-wanted');
    await sendKeys({ press: 'Space' });
    await waitForShadow(el, '#callback-name');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('input#callback-name');
    await sendKeys({ type: '陈伟' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '139 1234 5678' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('input#callback-consent');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => query<HTMLInputElement>(el, '#callback-consent').checked, 'Space ticked the consent');

    await sendKeys({ press: 'Tab' });
    await waitForFocus(el, 'button[part="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '.outcome.sent');
    await waitForFocus(el, '#outcome-heading');

    const [body] = await server.bodies();
    expect(body!['rating']).to.equal(1);
    expect(body!['reasons']).to.deep.equal(['efficiency', 'convenience']);
    expect(body!['comment']).to.equal('等了两个小时，窗口只开了一个。');
    expect(body!['callback']).to.deep.equal({ name: '陈伟', phone: '139 1234 5678' });
  });

  it('Enter on Send without a rating: the error summary takes focus, its link leads to the scale, and the rating is fixed from there', async () => {
    const { el, server } = await renderSurvey({ scale: 'csat', 'service-id': 'svc-keyboard-errors' });
    await tabTo(el, 'button[part="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '.error-summary');
    await waitForFocus(el, '.error-summary');

    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Choose a rating');
    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#rating-1');
    for (let press = 0; press < 3; press++) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => checked(el) === 'rating-4', `ArrowRight ×3 chose 4 (checked: ${checked(el)})`);
    // Enter in a radio group sends the form.
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '.outcome.sent');
    const [body] = await server.bodies();
    expect(body!['rating']).to.equal(4);
  });

  it('“No thanks” works from the keyboard', async () => {
    const { el } = await renderSurvey({});
    let dismissed = 0;
    el.addEventListener('civic-survey-dismiss', () => dismissed++);
    await tabTo(el, '.actions button.link');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dismissed === 1, 'civic-survey-dismiss did not fire');
    expect(shadow(el).querySelector('form') === null).to.equal(true);
  });
});
