import { expect } from '@open-wc/testing';
import {
  chooseRating,
  click,
  fill,
  focused,
  has,
  query,
  renderSurvey,
  shadow,
  submit,
  textOf,
  tickReason,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// After a rating: what went wrong (low) or what went well (high), and after a
// low one, when the site offers it, a call-back that needs its own consent.

/** Each scale's grades, and which of them are low (ask what went wrong, may offer a call-back). */
const scales: Record<string, { values: number[]; low: number[] }> = {
  'five-level': { values: [5, 4, 3, 2, 1], low: [2, 1] },
  helpful: { values: [1, 0], low: [0] },
  csat: { values: [1, 2, 3, 4, 5], low: [1, 2] },
  ces: { values: [1, 2, 3, 4, 5, 6, 7], low: [1, 2, 3] },
  nps: { values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], low: [0, 1, 2, 3, 4, 5, 6] },
};

const reasonLabels = [
  'How quickly it was handled',
  'How accurate the service guide was',
  'How easy it was to get done',
  'How easy the website was to use',
  'How staff treated me',
  'Something else',
];

function labelOf(el: Survey, control: string): string {
  return textOf(el, `label[for="${control}"]`);
}

/** What the follow-up shows for the current rating, in words. */
function followUpShown(el: Survey): string {
  const reasons = has(el, 'fieldset.reasons') ? `reasons: ${textOf(el, 'fieldset.reasons legend')}` : 'no reasons';
  const callback = has(el, '#callback-wanted') ? 'call-back offered' : 'no call-back';
  return `${reasons}; comment: ${labelOf(el, 'comment')}; ${callback}`;
}

const lowFollowUp = 'reasons: What went wrong? (optional); comment: Tell us more (optional); call-back offered';
const highFollowUp = 'no reasons; comment: What went well? (optional); no call-back';
/** A page that was not useful is not a service: no 好差评 indicators, just what was missing. */
const pageLowFollowUp = 'no reasons; comment: What was missing or wrong? (optional); call-back offered';

describe('<civic-satisfaction-survey> follow-up questions', () => {
  useCleanState();

  it('asks nothing more before a rating is chosen', async () => {
    const { el } = await renderSurvey({ callback: true });
    expect(has(el, '#comment')).to.equal(false);
    expect(has(el, 'fieldset.reasons')).to.equal(false);
    expect(has(el, '#callback-wanted')).to.equal(false);
  });

  for (const [scale, { values, low }] of Object.entries(scales)) {
    it(`${scale}: asks what went wrong and offers a call-back for ${low.join(', ')} only`, async () => {
      const { el } = await renderSurvey({ scale, callback: true });
      const shown: string[] = [];
      const expected: string[] = [];
      for (const value of values) {
        await chooseRating(el, value);
        shown.push(`${value}: ${followUpShown(el)}`);
        const whenLow = scale === 'helpful' ? pageLowFollowUp : lowFollowUp;
        expected.push(`${value}: ${low.includes(value) ? whenLow : highFollowUp}`);
      }
      expect(shown).to.deep.equal(expected);
    });
  }

  it('lists the 好差评 indicators as reasons', async () => {
    const { el } = await renderSurvey({});
    await chooseRating(el, 1);
    const labels = [...shadow(el).querySelectorAll('fieldset.reasons label')].map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(reasonLabels);
    expect(textOf(el, 'fieldset.reasons .hint')).to.equal('Choose all that apply.');
  });

  it('the reasons’ hint is part of the group’s description, read when the group is entered', async () => {
    const { el } = await renderSurvey({});
    await chooseRating(el, 1);
    const describedBy = query(el, 'fieldset.reasons').getAttribute('aria-describedby') ?? 'none';
    expect(describedBy).to.equal('reasons-hint');
    expect(textOf(el, `#${describedBy}`)).to.equal('Choose all that apply.');
  });

  it('sends reasons only with a low rating, even if some were ticked before the citizen changed their mind', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-reasons' });
    await chooseRating(el, 2);
    await tickReason(el, 'efficiency');
    await tickReason(el, 'convenience');
    await tickReason(el, 'efficiency'); // and unticked again
    await chooseRating(el, 4);
    await fill(el, '#comment', 'In the end it went fine.');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const [body] = await server.bodies();
    expect(body!['rating']).to.equal(4);
    expect(body!['reasons']).to.deep.equal([]);
    expect(body!['comment']).to.equal('In the end it went fine.');
  });

  it('keeps the ticked reasons when the citizen goes back to a low rating, and sends each once', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-reasons-back' });
    await chooseRating(el, 1);
    await tickReason(el, 'attitude');
    await tickReason(el, 'other');
    await chooseRating(el, 5);
    await chooseRating(el, 2);
    expect(query<HTMLInputElement>(el, 'input[value="attitude"]').checked).to.equal(true);
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const [body] = await server.bodies();
    expect((body!['reasons'] as string[]).slice().sort()).to.deep.equal(['attitude', 'other']);
  });

  describe('call-back', () => {
    it('is not offered when the site did not ask for it', async () => {
      const { el } = await renderSurvey({});
      await chooseRating(el, 1);
      expect(has(el, '#callback-wanted')).to.equal(false);
    });

    it('asks for name and phone only once the citizen wants a call', async () => {
      const { el } = await renderSurvey({ callback: true });
      await chooseRating(el, 1);
      expect(textOf(el, '.callback > label')).to.equal('Please call me back about this');
      expect(has(el, '#callback-name')).to.equal(false);
      await click(el, '#callback-wanted');
      expect(labelOf(el, 'callback-name')).to.equal('Your name');
      expect(labelOf(el, 'callback-phone')).to.equal('Phone number');
      expect(query(el, '#callback-phone').getAttribute('type')).to.equal('tel');
      expect(textOf(el, '.callback-details .choice')).to.equal(
        'I agree that the district may use my name and phone number only to call me back about this rating.',
      );
      expect(query<HTMLInputElement>(el, '#callback-consent').checked).to.equal(false);
    });

    it('opted in but nothing filled: three errors, the summary has focus and each link focuses its field; nothing is sent', async () => {
      const { el, server } = await renderSurvey({ callback: true });
      await chooseRating(el, 2);
      await click(el, '#callback-wanted');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      await waitForFocus(el, '.error-summary');
      const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')];
      expect(links.map((link) => `${link.getAttribute('href')} ${link.textContent!.trim()}`)).to.deep.equal([
        '#callback-name Enter your name, so we know whom to ask for',
        '#callback-phone Enter a phone number of 7 to 20 digits, such as 021 1234 5678 or 138 0013 8000',
        '#callback-consent Agree to the use of your name and phone number, or untick the call-back',
      ]);
      for (const [index, id] of ['callback-name', 'callback-phone', 'callback-consent'].entries()) {
        shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')[index]!.click();
        expect(focused(el)).to.equal(`input#${id}`);
        const field = query(el, `#${id}`);
        expect(field.getAttribute('aria-invalid')).to.equal('true');
        expect(field.getAttribute('aria-describedby')).to.equal(`${id}-error`);
        // Marked as an error for screen readers by a visually hidden prefix, as in the report form.
        expect(textOf(el, `#${id}-error`)).to.equal(`Error: ${links[index]!.textContent!.trim()}`);
        expect(textOf(el, `#${id}-error .visually-hidden`)).to.equal('Error:');
      }
      expect((await server.received()).received).to.have.length(0);
    });

    it('on a Chinese page, says what a phone number must be, each field error marked “错误：” for screen readers', async () => {
      const { el } = await renderSurvey({ callback: true, lang: 'zh-Hans' });
      await chooseRating(el, 2);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      await fill(el, '#callback-phone', '12345');
      await click(el, '#callback-consent');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      expect(textOf(el, '#callback-phone-error')).to.equal('错误： 请输入 7 至 20 位数字的电话号码，例如 021 1234 5678 或 138 0013 8000');
      expect(textOf(el, '#callback-phone-error .visually-hidden')).to.equal('错误：');
    });

    it('name and phone without consent are not sent: only the consent is asked for', async () => {
      const { el, server } = await renderSurvey({ callback: true });
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      await fill(el, '#callback-phone', '138 0000 0000');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      expect(textOf(el, '.error-summary ul')).to.equal('Agree to the use of your name and phone number, or untick the call-back');
      expect((await server.received()).received).to.have.length(0);
    });

    for (const phone of ['110', '12 34 56', '1'.repeat(21), 'call me', '138-0000-0000 ext. 5', '+86 ()', '((((((', '138_0000_0000', '1'.repeat(41)]) {
      it(`refuses "${phone}" as a phone number`, async () => {
        const { el, server } = await renderSurvey({ callback: true });
        await chooseRating(el, 1);
        await click(el, '#callback-wanted');
        await fill(el, '#callback-name', '王芳');
        await fill(el, '#callback-phone', phone);
        await click(el, '#callback-consent');
        await submit(el);
        await waitForShadow(el, '.error-summary');
        expect(textOf(el, '.error-summary ul')).to.equal('Enter a phone number of 7 to 20 digits, such as 021 1234 5678 or 138 0013 8000');
        expect((await server.received()).received).to.have.length(0);
      });
    }

    it('opted in and consented: sends name and phone (trimmed) and says the district will call', async () => {
      const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-callback' });
      await chooseRating(el, 1);
      await tickReason(el, 'efficiency');
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '  王芳 ');
      await fill(el, '#callback-phone', ' +86 (21) 6123-4567 ');
      await click(el, '#callback-consent');
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      expect(textOf(el, '.outcome')).to.equal('Thank you for your rating The district will call you back about your rating.');
      const [body] = await server.bodies();
      expect(body!['callback']).to.deep.equal({ name: '王芳', phone: '+86 (21) 6123-4567' });
      expect(body!['reasons']).to.deep.equal(['efficiency']);
    });

    for (const [typed, sent] of [
      ['１３８ ００００ ００００', '138 0000 0000'], // full-width digits from a Chinese input method
      ['138\u30000000\u30000000', '138 0000 0000'], // ideographic spaces
      ['（０２１）６１２３－４５６７', '(021)6123-4567'], // full-width brackets and hyphen
      ['＋86\u00a021\t6123\u20024567', '+86 21 6123 4567'], // no-break, tab and en spaces
    ] as const) {
      it(`accepts ${JSON.stringify(typed)} and sends it as "${sent}"`, async () => {
        const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-phone-ime' });
        await chooseRating(el, 1);
        await click(el, '#callback-wanted');
        await fill(el, '#callback-name', '王芳');
        await fill(el, '#callback-phone', typed);
        await click(el, '#callback-consent');
        await submit(el);
        await waitForShadow(el, '.outcome.sent, .error-summary');
        expect(textOf(el, '.error-summary'), 'errors').to.equal('');
        const [body] = await server.bodies();
        expect(body!['callback']).to.deep.equal({ name: '王芳', phone: sent });
      });
    }

    it('a name over 100 characters (the server’s limit) says how to fix it; 100 are sent, counted as characters', async () => {
      const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-long-name' });
      await chooseRating(el, 2);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王'.repeat(101));
      await fill(el, '#callback-phone', '138 0000 0000');
      await click(el, '#callback-consent');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      expect(textOf(el, '.error-summary ul')).to.equal('Your name must be 100 characters or fewer');
      expect(textOf(el, '#callback-name-error')).to.equal('Error: Your name must be 100 characters or fewer');
      query(el, '.error-summary a').click();
      expect(focused(el)).to.equal('input#callback-name');
      expect((await server.received()).received).to.have.length(0);

      // 100 characters outside the Basic Multilingual Plane (200 UTF-16 units) are still 100 characters.
      const name = '𠀀'.repeat(99) + '王';
      await fill(el, '#callback-name', name);
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      const [body] = await server.bodies();
      expect((body!['callback'] as { name: string }).name).to.equal(name);
    });

    it('name and phone filled in at once (browser autofill) are both kept and sent', async () => {
      const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-autofill' });
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      // Autofill sets both fields in the same task, before the widget renders again.
      for (const [selector, value] of [
        ['#callback-name', '赵敏'],
        ['#callback-phone', '021 6123 4567'],
      ] as const) {
        const input = query<HTMLInputElement>(el, selector);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      await click(el, '#callback-consent');
      await submit(el);
      await waitForShadow(el, '.outcome.sent, .error-summary');
      expect(textOf(el, '.error-summary'), 'errors').to.equal('');
      const [body] = await server.bodies();
      expect(body!['callback']).to.deep.equal({ name: '赵敏', phone: '021 6123 4567' });
    });

    it('unticking “call me back” after filling it in sends no name or phone', async () => {
      const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-untick' });
      await chooseRating(el, 2);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      await fill(el, '#callback-phone', '138 0000 0000');
      await click(el, '#callback-consent');
      await click(el, '#callback-wanted');
      expect(has(el, '#callback-name')).to.equal(false);
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      expect(textOf(el, '.outcome')).to.equal('Thank you for your rating');
      const [body] = await server.bodies();
      expect('callback' in body!).to.equal(false);
      expect(JSON.stringify(body)).not.to.include('138');
    });

    it('changing to a good rating after filling in a call-back sends no name or phone and asks nothing', async () => {
      const { el, server } = await renderSurvey({ callback: true, 'service-id': 'svc-changed-mind' });
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      await chooseRating(el, 5);
      expect(has(el, '#callback-wanted')).to.equal(false);
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      const [body] = await server.bodies();
      expect('callback' in body!).to.equal(false);
      expect(JSON.stringify(body)).not.to.include('王芳');
    });
  });
});
