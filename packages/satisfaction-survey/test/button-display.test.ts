import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  chooseRating,
  click,
  focused,
  has,
  query,
  recordEvents,
  renderSurvey,
  shadow,
  submit,
  textOf,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// display="button": a small trigger in the page corner opens a non-modal panel
// (WAI-ARIA dialog pattern, aria-modal="false"); Escape or Close shuts it and
// focus goes back to the trigger.

function trigger(el: Survey): HTMLButtonElement {
  return query<HTMLButtonElement>(el, 'button.trigger');
}

function expanded(el: Survey): string {
  return trigger(el).getAttribute('aria-expanded') ?? 'missing';
}

async function open(el: Survey): Promise<void> {
  trigger(el).click();
  await el.updateComplete;
  await waitForFocus(el, '#panel-heading');
}

/** Presses Tab until the widget's element matching `selector` has focus. */
async function tabTo(el: Survey, selector: string): Promise<void> {
  for (let presses = 0; presses < 20; presses++) {
    if (document.activeElement === el && shadow(el).activeElement?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector} (focus is on ${focused(el)})`);
}

describe('<civic-satisfaction-survey display="button">', () => {
  useCleanState();

  it('shows only a closed trigger that names what is rated', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    expect(textOf(el, 'button.trigger')).to.equal('Rate this page');
    expect(expanded(el)).to.equal('false');
    expect(trigger(el).getAttribute('aria-controls')).to.equal('panel');
    expect(has(el, '#panel')).to.equal(false);
    expect(has(el, 'form')).to.equal(false);
    // In the page corner, out of the page's flow.
    expect(getComputedStyle(trigger(el)).position).to.equal('fixed');

    const { el: service } = await renderSurvey({ display: 'button', 'service-id': 'id-card' });
    expect(textOf(service, 'button.trigger')).to.equal('Rate this service');
  });

  it('opens a labelled non-modal panel with focus on its heading', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    const panel = query(el, '#panel');
    expect(expanded(el)).to.equal('true');
    expect([panel.getAttribute('role'), panel.getAttribute('aria-modal'), panel.getAttribute('aria-labelledby')]).to.deep.equal([
      'dialog',
      'false',
      'panel-heading',
    ]);
    expect(textOf(el, '#panel-heading')).to.equal('Your rating');
    expect(has(el, '#panel form')).to.equal(true);
    expect(textOf(el, '#panel legend')).to.equal('How satisfied are you with this service?');
  });

  it('Escape from inside the panel closes it and focus returns to the trigger', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    query(el, '#rating-4').focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !has(el, '#panel'), 'Escape did not close the panel');
    await waitForFocus(el, 'button.trigger');
    expect(expanded(el)).to.equal('false');
  });

  it('Escape is kept from the page: a page-level Escape handler (e.g. the site’s own menu) does not also react', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    let pageHeard = 0;
    const onKey = (event: KeyboardEvent) => void (event.key === 'Escape' && pageHeard++);
    document.addEventListener('keydown', onKey);
    try {
      await open(el);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !has(el, '#panel'), 'Escape did not close the panel');
      expect(pageHeard).to.equal(0);
    } finally {
      document.removeEventListener('keydown', onKey);
    }
  });

  it('Close shuts the panel and focus returns to the trigger', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    await click(el, '.panel-header button');
    expect(has(el, '#panel')).to.equal(false);
    await waitForFocus(el, 'button.trigger');
  });

  it('is non-modal: the page stays usable, and moving to it collapses the panel instead of covering it', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    const search = document.createElement('input');
    search.setAttribute('aria-label', 'Search this site');
    document.body.append(search);
    try {
      await open(el);
      search.focus();
      expect(document.activeElement === search, 'the page search box has focus').to.equal(true);
      await waitUntil(() => !has(el, '#panel'), 'the panel stayed open over the page');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(document.activeElement === search, 'Escape in the page leaves the focus there').to.equal(true);
      expect(expanded(el)).to.equal('false');
    } finally {
      search.remove();
    }
  });

  it('collapses when Tab leaves it for the page (WCAG 2.4.11), without moving the focus, and keeps the answers', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    const link = document.createElement('a');
    link.href = '#contact';
    link.textContent = 'Contact the district';
    el.after(link);
    try {
      await open(el);
      await chooseRating(el, 2);
      await tabTo(el, '.actions button.link'); // "No thanks", the panel's last control
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => !has(el, '#panel'), 'the panel stayed open over the page');
      expect(document.activeElement === link, `the focus is on the page link (not ${focused(el)})`).to.equal(true);
      expect(expanded(el)).to.equal('false');
      await open(el);
      expect(query<HTMLInputElement>(el, '#rating-2').checked, 'the rating is kept').to.equal(true);
    } finally {
      link.remove();
    }
  });

  it('stays open while the focus moves within the widget (back to its trigger) or nowhere (a click on the panel background)', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitForFocus(el, 'button.trigger');
    await el.updateComplete;
    expect(has(el, '#panel'), 'with the focus on the trigger').to.equal(true);
    query(el, '#panel-heading').focus();
    query(el, '#panel-heading').blur();
    await el.updateComplete;
    expect(has(el, '#panel'), 'with the focus on nothing').to.equal(true);
  });

  it('Escape while an input method is composing (pinyin candidates) does not close the panel', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    await chooseRating(el, 2);
    const comment = query(el, '#comment');
    comment.focus();
    const escape = (init: KeyboardEventInit) => comment.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, ...init }));
    escape({ isComposing: true });
    await el.updateComplete;
    expect(has(el, '#panel'), 'while composing').to.equal(true);
    escape({ keyCode: 229 }); // Safari: the key press that ends the composition
    await el.updateComplete;
    expect(has(el, '#panel'), 'the key press that ends the composition').to.equal(true);
    expect(focused(el)).to.equal('textarea#comment');
    escape({});
    await waitUntil(() => !has(el, '#panel'), 'a plain Escape did not close the panel');
    await waitForFocus(el, 'button.trigger');
  });

  it('keeps a chosen rating when the panel is closed and opened again', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    await chooseRating(el, 2);
    await sendKeys({ press: 'Escape' });
    await waitForFocus(el, 'button.trigger');
    await open(el);
    expect(query<HTMLInputElement>(el, '#rating-2').checked).to.equal(true);
    expect(has(el, 'fieldset.reasons')).to.equal(true);
  });

  it('with the keyboard only: Enter opens, a rating is sent from the panel, focus lands on the thanks', async () => {
    const { el, server } = await renderSurvey({ display: 'button', 'service-id': 'svc-panel-keyboard' });
    const events = recordEvents(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, 'button.trigger');
    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#panel-heading');
    await tabTo(el, 'input[name="rating"]');
    expect(focused(el)).to.equal('input#rating-5');
    await sendKeys({ press: 'ArrowDown' }); // Satisfied
    await waitUntil(() => query<HTMLInputElement>(el, '#rating-4').checked, 'ArrowDown chose "Satisfied"');
    await tabTo(el, 'button[part="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '#panel .outcome.sent');
    await waitForFocus(el, '#outcome-heading');
    expect(events.order).to.deep.equal(['submit', 'success']);
    const [body] = await server.bodies();
    expect(body!['rating']).to.equal(4);
    // Escape still closes the panel with the thanks, back to the trigger.
    await sendKeys({ press: 'Escape' });
    await waitForFocus(el, 'button.trigger');
  });

  it('“No thanks” in the panel closes it, removes the trigger and fires civic-survey-dismiss', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    const events = recordEvents(el);
    await open(el);
    await click(el, '.actions button.link');
    expect(has(el, '#panel')).to.equal(false);
    expect(has(el, 'button.trigger')).to.equal(false);
    expect(events.order).to.deep.equal(['dismiss']);
  });

  it('after “No thanks” the focus does not drop to the page top: a confirmation takes it where the trigger was, seen while focused', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    const link = document.createElement('a');
    link.href = '#contact';
    link.textContent = 'Contact the district';
    el.after(link);
    try {
      await open(el);
      await tabTo(el, '.actions button.link');
      await sendKeys({ press: 'Enter' });
      await waitForFocus(el, '#dismissed');
      expect(textOf(el, '#dismissed')).to.equal('OK, we will not ask again during this visit.');
      const box = query(el, '#dismissed').getBoundingClientRect();
      expect(box.width > 40 && box.height > 20, `seen while focused (${box.width} × ${box.height})`).to.equal(true);
      expect(getComputedStyle(query(el, '#dismissed')).position).to.equal('fixed');
      // Read once, as the focused element: not also by the live region.
      expect(textOf(el, '[role="status"]')).to.equal('');
      // Tab goes on from the survey's place in the page.
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === link, `Tab reached the next page link (not ${focused(el)})`).to.equal(true);
      expect(query(el, '#dismissed').getBoundingClientRect().width, 'hidden once the focus left').to.be.at.most(1);
    } finally {
      link.remove();
    }
  });

  it('on a page whose <main> has tabindex="-1", a click on the words of an answer chooses it and leaves the panel open', async () => {
    const main = document.createElement('main');
    main.tabIndex = -1;
    document.body.append(main);
    try {
      const { el } = await renderSurvey({ display: 'button' });
      main.append(el.parentElement!);
      await open(el);
      // The words "Satisfied", not the radio circle: a real mouse press at their middle.
      const words = query(el, '.option:has(#rating-4) span').getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(words.x + words.width / 2), Math.round(words.y + words.height / 2)] });
      await waitUntil(() => query<HTMLInputElement>(el, '#rating-4').checked, 'the click did not choose "Satisfied"');
      await el.updateComplete;
      expect(has(el, '#panel'), 'the panel is still open').to.equal(true);
      expect(expanded(el)).to.equal('true');
      // A press on the panel's own background does not close it either.
      const panel = query(el, '#panel').getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(panel.right - 4), Math.round(panel.bottom - 4)] });
      await el.updateComplete;
      expect(has(el, '#panel'), 'after a press on the panel background').to.equal(true);
      // Escape still closes it: the focus did not leave the panel for <main>.
      await sendKeys({ press: 'Escape' });
      await waitForFocus(el, 'button.trigger');
      expect(has(el, '#panel')).to.equal(false);
    } finally {
      main.remove();
    }
  });

  it('a pointer press on the page outside the panel closes it, also where nothing takes the focus', async () => {
    const text = document.createElement('p');
    text.textContent = 'Opening hours of the district office';
    document.body.prepend(text);
    try {
      const { el } = await renderSurvey({ display: 'button' });
      await open(el);
      const box = text.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + 10), Math.round(box.y + box.height / 2)] });
      await waitUntil(() => !has(el, '#panel'), 'the panel stayed open after a press on the page');
      expect(expanded(el)).to.equal('false');
      // The focus is not pulled back into the widget: the citizen chose the page.
      expect(document.activeElement === el, `the focus is not in the widget (${focused(el)})`).to.equal(false);
    } finally {
      text.remove();
    }
  });

  it('never hides a page link focused under it (WCAG 2.4.11), with no CSS from the host: it steps aside, and back home after', async () => {
    // A long page whose footer ends in a right-aligned link: Tab scrolls it to the bottom edge, under the trigger's corner.
    const page = document.createElement('div');
    page.innerHTML = `<p><a href="#top" id="top-link">District home</a></p>
      <div style="height: 200vh"></div>
      <p style="text-align: right; margin: 0"><a href="#privacy" id="footer-link" style="display: inline-block; padding: 12px 4px">Privacy and cookies</a></p>`;
    document.body.append(page);
    const { el } = await renderSurvey({ display: 'button' });
    const topLink = page.querySelector<HTMLAnchorElement>('#top-link')!;
    const footerLink = page.querySelector<HTMLAnchorElement>('#footer-link')!;
    /** Points of the link that the page shows (not the widget): a completely hidden link shows none. */
    const visiblePoints = () => {
      const box = footerLink.getBoundingClientRect();
      const points = [
        [box.left + 2, box.top + 2],
        [box.right - 2, box.top + 2],
        [box.left + 2, box.bottom - 2],
        [box.right - 2, box.bottom - 2],
        [box.left + box.width / 2, box.top + box.height / 2],
      ];
      return points.filter(([x, y]) => document.elementFromPoint(x!, y!) === footerLink).length;
    };
    try {
      const home = trigger(el).getBoundingClientRect();
      topLink.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === footerLink, 'Tab reached the footer link').to.equal(true);
      await waitUntil(() => visiblePoints() === 5, `the focused link is covered (${visiblePoints()} of 5 points seen)`);
      const aside = trigger(el).getBoundingClientRect();
      expect(aside.x !== home.x || aside.y !== home.y, 'the trigger moved').to.equal(true);
      expect(aside.width > 40 && aside.height > 40, 'and is still a full-size target').to.equal(true);
      // Focus on a part of the page it does not cover: back in its own corner.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(document.activeElement === topLink, 'Shift+Tab went back to the top link').to.equal(true);
      await waitUntil(() => {
        const box = trigger(el).getBoundingClientRect();
        return box.x === home.x && box.y === home.y;
      }, 'the trigger did not go back to its corner');
    } finally {
      page.remove();
      window.scrollTo(0, 0);
    }
  });

  it('validation errors inside the panel are summarised and focused there', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    await open(el);
    await submit(el);
    await waitForShadow(el, '#panel .error-summary');
    await waitForFocus(el, '.error-summary');
    query(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#rating-5');
  });
});
