import { expect, waitUntil } from '@open-wc/testing';
import { captureConsole, fixtureUrl, LocatorServer, names, notes, pointNamed, renderLocator, shadow, shownPoints, textOf, useClock, usePageLanguage } from './helpers/locator.js';

// Bad data and bad configuration: skip what cannot be shown and say how many,
// once; a feed that cannot be used at all gives a clear message, never a blank
// box; hostile strings stay text.

const hostilePayloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '{{constructor.constructor("window.__pwned=5")()}}',
  '‮ reversed ‭ text',
  'x'.repeat(5000),
];

describe('<civic-service-locator> data', () => {
  const consoleLines = captureConsole();
  const setLanguage = usePageLanguage();
  const setClock = useClock();
  beforeEach(() => {
    setLanguage('en');
    setClock('2026-03-10T10:00:00+08:00');
  });

  it('skips features that cannot be shown, says how many once, and shows the rest', async () => {
    const el = await renderLocator({ src: fixtureUrl('bad-features.geojson') });
    // The point without a subdistrict sorts first.
    expect(names(el)).to.deep.equal(['Unknown members', 'Xujiahui Community Affairs Service Centre']);
    expect(notes(el)).to.include('6 service points cannot be shown: their data is incomplete.');
    el.requestUpdate();
    await el.updateComplete;
    const warnings = consoleLines().filter((line) => line.startsWith('warn'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('6 of the features');
  });

  it('ignores unknown members and values it cannot use: no phone or website link from a javascript: value', async () => {
    const el = await renderLocator({ src: fixtureUrl('bad-features.geojson'), directions: 'none' });
    const point = pointNamed(el, 'Unknown members');
    expect(point.links).to.deep.equal([]);
    expect(point.wheelchair).to.equal('');
    expect(point.state).to.equal('Hours not confirmed: please call to check before you go.');
  });

  for (const [file, why] of [
    ['broken.json', 'not JSON'],
    ['not-a-collection.json', 'a Feature, not a FeatureCollection'],
  ] as const) {
    it(`says plainly that data which is ${why} cannot be shown, with one console error`, async () => {
      const el = await renderLocator({ src: fixtureUrl(file) });
      expect(textOf(el, '.problem')).to.equal('The service points cannot be shown: the data is not in a format this widget reads.');
      expect(consoleLines().filter((line) => line.startsWith('error'))).to.have.length(1);
    });
  }

  it('says the points could not be loaded when the server fails, and loads them on "Try again"', async () => {
    const server = new LocatorServer();
    await server.setMode('500');
    const el = await renderLocator({ src: server.file('points.geojson') });
    expect(textOf(el, '.problem')).to.equal('The service points could not be loaded. Check your connection and try again.');
    // Pressed while the server still fails: the focus stays on the button, which comes back with the message.
    const button = shadow(el).querySelector<HTMLButtonElement>('button.retry')!;
    button.focus();
    button.click();
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(button);
    await waitUntil(() => shadow(el).querySelector('.problem') && shadow(el).activeElement?.classList.contains('retry'), 'the focus left "Try again"', { timeout: 8000 });
    await server.setMode('ok');
    shadow(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => names(el).length > 0, 'the points did not load on the second try', { timeout: 8000 });
    // The button is gone: the focus goes to the start of the widget's controls, not to the page.
    await waitUntil(() => shadow(el).activeElement?.id === 'locate', 'the focus was lost');
  });

  it('puts the focus on the message when "Try again" loads a file with nothing to show, never on the page', async () => {
    const server = new LocatorServer();
    await server.setMode('500');
    const el = await renderLocator({ src: server.file('broken.json') });
    await server.setMode('ok');
    const button = shadow(el).querySelector<HTMLButtonElement>('button.retry')!;
    button.focus();
    button.click();
    await waitUntil(() => textOf(el, '.problem') === 'The service points cannot be shown: the data is not in a format this widget reads.', 'the retry did not read the file', { timeout: 8000 });
    await waitUntil(() => shadow(el).activeElement?.classList.contains('problem'), 'the focus was lost');
  });

  it('says holiday hours are not confirmed when the calendar cannot be loaded, with one console error', async () => {
    const server = new LocatorServer();
    await server.setMode('500');
    const el = await renderLocator({ 'holidays-src': server.file('holidays-2026.json') });
    await waitUntil(() => notes(el).includes('Holiday opening hours are not confirmed: on public holidays, please call before you go.'), 'no note');
    el.requestUpdate();
    await el.updateComplete;
    expect(consoleLines().filter((line) => line.includes('holiday calendar'))).to.have.length(1);
  });

  it('says when the data has no points at all', async () => {
    const server = new LocatorServer();
    const el = await renderLocator({ src: server.generated(0) });
    expect(textOf(el, '.problem')).to.equal('There are no service points to show.');
  });

  it('keeps hostile strings as text: nothing runs, nothing is loaded, no link is made of them', async () => {
    const server = new LocatorServer();
    await server.setPayloads(hostilePayloads);
    const el = await renderLocator({ src: server.hostile, 'page-size': 20, directions: 'none' });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(shadow(el).querySelector('.points img, .points script, .points svg')).to.equal(null);
    const shown = shownPoints(el);
    expect(shown.map((point) => point.name)).to.include('<img src=x onerror="window.__pwned=1">');
    expect(shown.flatMap((point) => point.links)).to.deep.equal([]);
    // Long texts are cut to 2,000 characters, and still wrap.
    expect(Math.max(...shown.map((point) => point.name.length))).to.equal(2000);
    expect(el.getBoundingClientRect().width).to.be.at.most(document.body.getBoundingClientRect().width);
  });

  describe('configuration', () => {
    const plain = 'Service points cannot be shown here at the moment. To find one near you, please call the 12345 hotline.';

    it('says in plain words that it cannot be used when src is missing, and names src in one console error', async () => {
      const el = document.createElement('civic-service-locator');
      document.body.append(el);
      await waitUntil(() => shadow(el).querySelector('.problem'), 'the citizen is told');
      expect(textOf(el, '.problem')).to.equal(plain);
      expect(consoleLines()).to.deep.equal(['error [civic-widgets] <civic-service-locator>: src is not set.']);
      el.remove();
    });

    it('src set by script just after the element is added shows no problem and logs nothing', async () => {
      const el = document.createElement('civic-service-locator');
      document.body.append(el);
      await new Promise((resolve) => setTimeout(resolve));
      el.setAttribute('src', fixtureUrl('points.geojson'));
      await waitUntil(() => shownPoints(el).length > 0, 'the points show');
      expect(shadow(el).querySelector('.problem')).to.equal(null);
      expect(consoleLines().filter((line) => line.startsWith('error'))).to.deep.equal([]);
      el.remove();
    });

    for (const [attribute, value] of [
      ['directions', 'google'],
      ['page-size', '0'],
      ['time-zone', 'Mars/Olympus_Mons'],
      ['timeout', '-1'],
    ]) {
      it(`${attribute}="${value}": plain words for the citizen, the attribute only in the console`, async () => {
        const el = await renderLocator({ [attribute]: value });
        await waitUntil(() => shadow(el).querySelector('.problem'), 'the citizen is told');
        expect(textOf(el, '.problem')).to.equal(plain);
        const errors = consoleLines().filter((line) => line.startsWith('error'));
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain(attribute);
      });
    }

    it('heading-level="7" falls back to level 2, with one console error', async () => {
      const el = await renderLocator({ 'heading-level': '7' });
      await waitUntil(() => shownPoints(el).length > 0, 'the points show');
      const errors = consoleLines().filter((line) => line.startsWith('error'));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('heading-level');
    });
  });
});
