import { expect } from '@open-wc/testing';
import { SurveyServer } from './helpers/survey-server.js';
import {
  chooseRating,
  click,
  focused,
  has,
  query,
  rateAndSend,
  recordEvents,
  renderSurvey,
  setEnvironment,
  shownText,
  submit,
  textOf,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Attrs,
  type Survey,
} from './helpers/survey.js';

// Who is asked: a sample of visitors (sample-rate), nobody twice for the same
// service within cooldown-days once answered, and not again this session once
// closed. The clock and the dice are the survey's replaceable surveyEnvironment.

const day = 24 * 60 * 60 * 1000;
const start = Date.UTC(2025, 2, 3, 9, 30); // 2025-03-03, a Monday morning

/** Whether the citizen is asked anything: the form (inline) or the trigger (display="button"). */
function asked(el: Survey): boolean {
  return has(el, 'form') || has(el, '.trigger');
}

async function isAsked(attrs: Attrs, server?: SurveyServer): Promise<boolean> {
  const { el } = await renderSurvey(attrs, server);
  const result = asked(el);
  el.parentElement!.remove();
  return result;
}

/** Runs `task` as if on another page of the same site (another path, same session). */
async function onPage<T>(path: string, task: () => Promise<T>): Promise<T> {
  const original = location.href;
  history.replaceState(history.state, '', `${path}${location.search}`);
  try {
    return await task();
  } finally {
    history.replaceState(history.state, '', original);
  }
}

describe('<civic-satisfaction-survey> who is asked', () => {
  useCleanState();

  describe('sample-rate', () => {
    it('0 never shows, whatever the dice say', async () => {
      for (const random of [0, 0.000001, 0.5, 0.999999]) {
        setEnvironment({ random });
        const { el } = await renderSurvey({ 'sample-rate': 0 });
        expect(asked(el), `random ${random}`).to.equal(false);
        expect(shownText(el), 'nothing on screen').to.equal('');
        el.parentElement!.remove();
      }
      setEnvironment({ random: 0 });
      expect(await isAsked({ 'sample-rate': 0, display: 'button' })).to.equal(false);
    });

    it('1 always shows, whatever the dice say', async () => {
      for (const random of [0, 0.5, 0.999999]) {
        setEnvironment({ random });
        expect(await isAsked({ 'sample-rate': 1 }), `random ${random}`).to.equal(true);
      }
    });

    it('asks the share of visitors it names', async () => {
      const draws = [0, 0.1, 0.29, 0.3, 0.31, 0.7, 0.99];
      const shown: string[] = [];
      for (const random of draws) {
        sessionStorage.clear(); // each a visitor of their own
        setEnvironment({ random });
        shown.push(`${random}: ${(await isAsked({ 'sample-rate': 0.3 })) ? 'asked' : 'not asked'}`);
      }
      expect(shown).to.deep.equal(['0: asked', '0.1: asked', '0.29: asked', '0.3: not asked', '0.31: not asked', '0.7: not asked', '0.99: not asked']);
    });

    it('draws once per visit: the survey does not appear or vanish while the citizen is on the page', async () => {
      let draws = 0;
      setEnvironment({ random: () => (draws++ === 0 ? 0.1 : 0.9) });
      const { el } = await renderSurvey({ 'sample-rate': 0.5, callback: true });
      expect(asked(el)).to.equal(true);
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      el.careMode = true;
      el.requestUpdate();
      await el.updateComplete;
      expect(asked(el), 'still asked after re-renders').to.equal(true);
      expect(draws).to.equal(1);

      draws = 0;
      sessionStorage.clear(); // another visitor
      setEnvironment({ random: () => (draws++ === 0 ? 0.9 : 0.1) });
      const { el: other } = await renderSurvey({ 'sample-rate': 0.5 });
      expect(asked(other)).to.equal(false);
      other.requestUpdate();
      other.setAttribute('lang', 'zh-Hans');
      await other.updateComplete;
      expect(asked(other), 'still not asked after re-renders').to.equal(false);
    });

    it('draws once per browser session: reloading or coming back to the page in the same visit does not draw again', async () => {
      let draws = 0;
      setEnvironment({ random: () => (draws++ === 0 ? 0.1 : 0.9) });
      const visits: boolean[] = [];
      for (let visit = 0; visit < 3; visit++) visits.push(await isAsked({ 'service-id': 'kindergarten-place', 'sample-rate': 0.5 }));
      expect(visits).to.deep.equal([true, true, true]);
      expect(draws).to.equal(1);

      draws = 0;
      setEnvironment({ random: () => (draws++ === 0 ? 0.9 : 0.1) });
      sessionStorage.clear(); // the browser was closed: a new visit, a new draw
      for (let visit = 0; visit < 3; visit++) visits.push(await isAsked({ 'service-id': 'kindergarten-place', 'sample-rate': 0.5 }));
      expect(visits.slice(3)).to.deep.equal([false, false, false]);
      expect(draws).to.equal(1);
    });

    it('keeps each visitor’s draw when the site changes the rate', async () => {
      setEnvironment({ random: 0.4 });
      expect(await isAsked({ 'service-id': 'rate-change', 'sample-rate': 0.3 })).to.equal(false);
      setEnvironment({ random: 0.99 }); // a new draw would leave this visitor out
      expect(await isAsked({ 'service-id': 'rate-change', 'sample-rate': 0.5 })).to.equal(true);
    });
  });

  describe('cooldown-days', () => {
    it('an answered survey stays away for 90 days for that service, then asks again', async () => {
      const server = new SurveyServer();
      setEnvironment({ now: start, random: 0.5 });
      const { el } = await renderSurvey({ 'service-id': 'passport-renewal' }, server);
      await rateAndSend(el, 5);
      // The thanks stays on screen for this visit.
      expect(has(el, '.outcome.sent')).to.equal(true);
      el.parentElement!.remove();

      const visits: string[] = [];
      for (const days of [0, 1, 89, 89.99, 90, 120]) {
        setEnvironment({ now: start + days * day });
        visits.push(`day ${days}: ${(await isAsked({ 'service-id': 'passport-renewal' }, server)) ? 'asked' : 'not asked'}`);
      }
      expect(visits).to.deep.equal(['day 0: not asked', 'day 1: not asked', 'day 89: not asked', 'day 89.99: not asked', 'day 90: asked', 'day 120: asked']);
      // Other services are still asked about.
      setEnvironment({ now: start + day });
      expect(await isAsked({ 'service-id': 'business-licence' }, server)).to.equal(true);
    });

    it('follows cooldown-days, also across a reload of the session (localStorage)', async () => {
      setEnvironment({ now: start });
      const { el } = await renderSurvey({ 'service-id': 'parking-permit', 'cooldown-days': 7 });
      await rateAndSend(el, 2);
      sessionStorage.clear(); // a new browser session
      setEnvironment({ now: start + 6 * day });
      expect(await isAsked({ 'service-id': 'parking-permit', 'cooldown-days': 7 })).to.equal(false);
      setEnvironment({ now: start + 7 * day });
      expect(await isAsked({ 'service-id': 'parking-permit', 'cooldown-days': 7 })).to.equal(true);
    });

    it('cooldown-days="0" asks again at once', async () => {
      setEnvironment({ now: start });
      const { el } = await renderSurvey({ 'service-id': 'library-card', 'cooldown-days': 0 });
      await rateAndSend(el, 4);
      expect(await isAsked({ 'service-id': 'library-card', 'cooldown-days': 0 })).to.equal(true);
    });

    it('without a service-id, the page is what was answered', async () => {
      setEnvironment({ now: start });
      const { el } = await renderSurvey({ scale: 'helpful' });
      await rateAndSend(el, 1);
      expect(await isAsked({ scale: 'helpful' })).to.equal(false);
      expect(await isAsked({ 'service-id': 'some-service' })).to.equal(true);
    });

    it('the display="button" trigger stays away too', async () => {
      setEnvironment({ now: start });
      const { el } = await renderSurvey({ 'service-id': 'water-bill' });
      await rateAndSend(el, 3);
      setEnvironment({ now: start + 30 * day });
      expect(await isAsked({ 'service-id': 'water-bill', display: 'button' })).to.equal(false);
    });

    it('with storage blocked (private mode, full disk) the survey still shows and can be answered', async () => {
      const { getItem, setItem } = Storage.prototype;
      Storage.prototype.getItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const { el, server } = await renderSurvey({ 'service-id': 'storage-blocked' });
        expect(asked(el)).to.equal(true);
        await chooseRating(el, 5);
        await submit(el);
        await waitForShadow(el, '.outcome.sent');
        expect((await server.received()).stored).to.equal(1);
        await click(el, '.outcome'); // nothing breaks afterwards
      } finally {
        Storage.prototype.getItem = getItem;
        Storage.prototype.setItem = setItem;
      }
    });
  });

  describe('“No thanks”', () => {
    it('closes the survey, fires civic-survey-dismiss, and it stays away for the session only', async () => {
      const { el } = await renderSurvey({ 'service-id': 'marriage-registration' });
      const events = recordEvents(el);
      await click(el, '.actions button.link');
      expect(nothingToPress(el)).to.equal(true);
      expect(shownText(el)).to.equal('OK, we will not ask again during this visit.');
      expect(events.order).to.deep.equal(['dismiss']);

      expect(await isAsked({ 'service-id': 'marriage-registration' }), 'same session').to.equal(false);
      expect(await isAsked({ 'service-id': 'marriage-registration', display: 'button' }), 'same session, as a button').to.equal(false);
      expect(await isAsked({ 'service-id': 'other-service' }), 'another service').to.equal(true);
      sessionStorage.clear(); // the browser was closed
      expect(await isAsked({ 'service-id': 'marriage-registration' }), 'next session').to.equal(true);
    });

    it('says so in a short confirmation that takes the focus, where the form was', async () => {
      const { el } = await renderSurvey({ 'service-id': 'dismiss-focus' });
      query(el, '.actions button.link').focus();
      await click(el, '.actions button.link');
      await waitForFocus(el, '#dismissed');
      expect(focused(el)).to.equal('p#dismissed.dismissed');
      expect(query(el, '#dismissed').getAttribute('tabindex')).to.equal('-1');
      expect(textOf(el, '#dismissed')).to.equal('OK, we will not ask again during this visit.');
      expect(has(el, 'form')).to.equal(false);
      // On the next page of the visit there is nothing at all.
      expect(shownText((await renderSurvey({ 'service-id': 'dismiss-focus' })).el)).to.equal('');
    });

    it('to a page rating (no service-id) holds for every page rating on the site this session; an answer holds for its page only', async () => {
      const { el } = await renderSurvey({ scale: 'helpful' });
      await click(el, '.actions button.link');
      el.parentElement!.remove();
      expect(await onPage('/services/opening-hours.html', () => isAsked({ scale: 'helpful' })), 'another page').to.equal(false);
      expect(await onPage('/services/opening-hours.html', () => isAsked({ scale: 'helpful', display: 'button' })), 'as a button').to.equal(false);
      expect(await onPage('/services/opening-hours.html', () => isAsked({ 'service-id': 'a-service' })), 'a service').to.equal(true);

      sessionStorage.clear(); // next visit
      await onPage('/services/parking.html', async () => {
        const { el: answered } = await renderSurvey({ scale: 'helpful' });
        await rateAndSend(answered, 1);
        answered.parentElement!.remove();
        expect(await isAsked({ scale: 'helpful' }), 'the page answered').to.equal(false);
      });
      expect(await onPage('/services/tax.html', () => isAsked({ scale: 'helpful' })), 'another page after an answer').to.equal(true);
    });

    it('sends nothing, even with a rating already chosen', async () => {
      const { el, server } = await renderSurvey({ 'service-id': 'dismiss-after-choosing' });
      await chooseRating(el, 1);
      await click(el, '.actions button.link');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await server.received()).received).to.have.length(0);
      expect(asked(el)).to.equal(false);
    });
  });

  describe('the state attribute, for the host page', () => {
    it('says what the survey shows, and why it shows nothing: answered, dismissed, not sampled', async () => {
      setEnvironment({ now: start, random: 0.5 });
      const { el, server } = await renderSurvey({ 'service-id': 'state-answered' });
      expect(el.getAttribute('state')).to.equal('asking');
      await rateAndSend(el, 5);
      expect(el.getAttribute('state')).to.equal('sent');
      const again = await renderSurvey({ 'service-id': 'state-answered' }, server);
      expect([asked(again.el), again.el.getAttribute('state')]).to.deep.equal([false, 'answered']);

      const { el: dismissed } = await renderSurvey({ 'service-id': 'state-dismissed' });
      await click(dismissed, '.actions button.link');
      expect(dismissed.getAttribute('state')).to.equal('dismissed');
      const later = await renderSurvey({ 'service-id': 'state-dismissed' });
      expect([asked(later.el), later.el.getAttribute('state')]).to.deep.equal([false, 'dismissed']);

      const { el: unsampled } = await renderSurvey({ 'service-id': 'state-sample', 'sample-rate': 0.2 });
      expect([asked(unsampled), unsampled.getAttribute('state')]).to.deep.equal([false, 'not-sampled']);
    });

    it('is "queued" while a rating waits on the device, and absent on results and on a survey that is not set up', async () => {
      const server = new SurveyServer();
      await server.setMode('fail-503');
      const { el } = await renderSurvey({ 'service-id': 'state-queued' }, server);
      await rateAndSend(el, 4);
      expect(el.getAttribute('state')).to.equal('queued');
      const { el: results } = await renderSurvey({ endpoint: null, mode: 'results', 'summary-src': server.summaryUrl('x') });
      expect(results.hasAttribute('state')).to.equal(false);
      const { el: broken } = await renderSurvey({ endpoint: null });
      expect(broken.hasAttribute('state')).to.equal(false);
    });

    it('lets a host hide the heading it put around a survey that shows nothing, with CSS alone', async () => {
      setEnvironment({ now: start });
      const style = document.createElement('style');
      style.textContent = `section:has(> civic-satisfaction-survey:is([state='answered'], [state='dismissed'], [state='not-sampled'])) > h2 { display: none; }`;
      document.head.append(style);
      try {
        const server = new SurveyServer();
        const { el } = await renderSurvey({ 'service-id': 'state-css' }, server);
        await rateAndSend(el, 5);
        const section = document.createElement('section');
        section.innerHTML = '<h2>Rate this service</h2><civic-satisfaction-survey></civic-satisfaction-survey>';
        const again = section.querySelector('civic-satisfaction-survey')!;
        again.setAttribute('endpoint', server.endpoint);
        again.setAttribute('service-id', 'state-css');
        document.body.append(section);
        await again.updateComplete;
        expect(section.querySelector('h2')!.getBoundingClientRect().height, 'the heading is hidden').to.equal(0);
        section.remove();
      } finally {
        style.remove();
      }
    });
  });
});

function nothingToPress(el: Survey): boolean {
  return !has(el, 'button') && !has(el, 'form');
}
