import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { flushOutbox } from '@civic-widgets/core';
import {
  chooseRating,
  click,
  describeNode,
  fill,
  query,
  renderSurvey,
  shadow,
  submit,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// Focus is never lost to <body> (WCAG 2.4.3): in every state the survey
// changes to, the focus is on something the citizen can see and go on from.

/**
 * Records each time the focus ended on <body> after leaving the survey: the
 * element that lost it, and when. Checked once the survey's own work for that
 * step is done (a task later), so a control replaced and focused again in the
 * same update is not counted.
 */
function watchFocus(el: Survey) {
  const lost: string[] = [];
  let step = 'start';
  const onFocusOut = () => {
    const from = describeNode(shadow(el).activeElement);
    const during = step;
    setTimeout(() => {
      if (document.activeElement === document.body || document.activeElement === null) lost.push(`${during}: from ${from}`);
    }, 0);
  };
  document.addEventListener('focusout', onFocusOut, true);
  return {
    lost,
    step: (name: string) => void (step = name),
    stop: () => document.removeEventListener('focusout', onFocusOut, true),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('<civic-satisfaction-survey> never drops the focus to <body>', () => {
  useCleanState();

  it('inline: errors, a refusal, sending, the thanks, a kept rating and its late delivery', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'focus-inline', callback: true });
    const watch = watchFocus(el);
    try {
      watch.step('send without a rating');
      query(el, '#rating-5').focus();
      await submit(el);
      await waitForFocus(el, '.error-summary');

      watch.step('a low rating with a call-back and a bad phone number');
      await chooseRating(el, 1);
      query(el, '#rating-1').focus();
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      await fill(el, '#callback-phone', '110');
      await click(el, '#callback-consent');
      await sendKeys({ press: 'Enter' }); // in the phone field: submits the form
      await waitForFocus(el, '.error-summary');

      watch.step('the server refuses');
      await fill(el, '#callback-phone', '138 0013 8000');
      await server.setMode('fail-400');
      query(el, 'button[part="submit"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '.refusal');

      watch.step('the server is down: kept on the device');
      await server.setMode('fail-503');
      query(el, 'button[part="submit"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitForShadow(el, '.outcome.queued');
      await waitForFocus(el, '#outcome-heading');

      watch.step('delivered later, while the thanks has the focus');
      await server.setMode('ok');
      await flushOutbox();
      await waitForShadow(el, '.outcome.sent');
      await settle();
      expect(describeNode(shadow(el).activeElement)).to.equal('h2#outcome-heading.top-heading');
      expect(watch.lost).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });

  it('display="button": open, Close, Escape, sending from the panel, the thanks, and "No thanks"', async () => {
    const { el } = await renderSurvey({ display: 'button', 'service-id': 'focus-button' });
    const watch = watchFocus(el);
    const trigger = () => query<HTMLButtonElement>(el, 'button.trigger');
    try {
      watch.step('open and Close');
      trigger().focus();
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '#panel-heading');
      await click(el, '.panel-header button');
      await waitForFocus(el, 'button.trigger');

      watch.step('Escape after choosing');
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '#panel-heading');
      await chooseRating(el, 4);
      query(el, '#rating-4').focus();
      await sendKeys({ press: 'Escape' });
      await waitForFocus(el, 'button.trigger');

      watch.step('sent from the panel, then closed');
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '#panel-heading');
      query(el, 'button[part="submit"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '#outcome-heading');
      await sendKeys({ press: 'Escape' });
      await waitForFocus(el, 'button.trigger');
      await settle();
      expect(watch.lost).to.deep.equal([]);
    } finally {
      watch.stop();
    }

    const { el: other } = await renderSurvey({ display: 'button', 'service-id': 'focus-dismiss' });
    const dismissWatch = watchFocus(other);
    try {
      dismissWatch.step('No thanks');
      query(other, 'button.trigger').focus();
      await sendKeys({ press: 'Enter' });
      await waitForFocus(other, '#panel-heading');
      query(other, '.actions button.link').focus();
      await sendKeys({ press: 'Enter' });
      await waitForFocus(other, '#dismissed');
      await settle();
      expect(dismissWatch.lost).to.deep.equal([]);
    } finally {
      dismissWatch.stop();
    }
  });

  it('a low rating changed to a good one while its follow-up had been filled in keeps the focus on the scale', async () => {
    const { el } = await renderSurvey({ 'service-id': 'focus-change', callback: true });
    const watch = watchFocus(el);
    try {
      await chooseRating(el, 2);
      await click(el, '#callback-wanted');
      await fill(el, '#callback-name', '王芳');
      query(el, '#rating-2').focus();
      await sendKeys({ press: 'ArrowUp' }); // 基本满意 … the follow-up questions of a low rating go away
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => query<HTMLInputElement>(el, '#rating-4').checked, 'the rating did not change');
      await settle();
      expect(describeNode(shadow(el).activeElement)).to.equal('input#rating-4');
      expect(watch.lost).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});
