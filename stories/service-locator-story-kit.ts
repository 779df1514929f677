import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ArgTypes, Decorator, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { fakePoints } from '../.storybook/fake-service-points';
import { attributeArgTypes } from './manifest-arg-types';

/** Args by attribute name, as the manifest lists them, plus the event actions. */
export interface LocatorArgs {
  src?: string;
  'holidays-src'?: string;
  'time-zone'?: string;
  directions?: string;
  'page-size'?: number;
  'heading-level'?: number;
  timeout?: number;
  lang?: string;
  'care-mode'?: boolean;
  map?: boolean;
  'tile-url'?: string;
  'tile-attribution'?: string;
  'tile-crs'?: string;
  onCivicLocatorSelect?: (event: Event) => void;
  onCivicLocatorLocate?: (event: Event) => void;
}

export type LocatorStory = StoryObj<LocatorArgs>;
export type LocatorLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

export const locatorArgTypes: Partial<ArgTypes<LocatorArgs>> = attributeArgTypes('civic-service-locator');

const dataLanguage = (language: LocatorLanguage) => (language === 'en' ? 'en' : 'zh');

export function baseArgs(language: LocatorLanguage): LocatorArgs {
  return { src: fakePoints.points(dataLanguage(language)), 'holidays-src': fakePoints.holidays, onCivicLocatorSelect: fn(), onCivicLocatorLocate: fn() };
}

const text = (value: string | number | undefined) => ifDefined(value === undefined || value === '' ? undefined : String(value));

export function renderLocator(args: LocatorArgs) {
  return html`<civic-service-locator
    src=${text(args.src)}
    holidays-src=${text(args['holidays-src'])}
    time-zone=${text(args['time-zone'])}
    directions=${text(args.directions)}
    page-size=${text(args['page-size'])}
    heading-level=${text(args['heading-level'])}
    timeout=${text(args.timeout)}
    lang=${text(args.lang)}
    ?care-mode=${args['care-mode'] === true}
    ?map=${args.map === true}
    tile-url=${text(args['tile-url'])}
    tile-attribution=${text(args['tile-attribution'])}
    tile-crs=${text(args['tile-crs'])}
    @civic-locator-select=${args.onCivicLocatorSelect}
    @civic-locator-locate=${args.onCivicLocatorLocate}
  ></civic-service-locator>`;
}

/**
 * A fake tile server inside this Storybook: one plain 256 × 256 PNG
 * (stories/static/fake-tiles/tile.png, served as a file by `storybook dev` and
 * in the static build) for every {z}/{x}/{y}, each tile edged so the grid shows.
 */
export const fakeTileUrl = 'fake-tiles/tile.png?z={z}&x={x}&y={y}';

/** Puts a story in a language on its own element, never on <html> (see notice-board-story-kit.ts). */
export function inLanguage(lang: string): Decorator<LocatorArgs> {
  return (story) => html`<div lang=${lang}>${story()}</div>`;
}

// ---- Set-ups before a story renders (story-level beforeEach, undone when the story is left).

/**
 * The story's clock: the widget reads `Date.now`, so a story about National
 * Day happens on National Day whenever it is opened. Time runs on from there.
 */
export function atTime(iso: string): () => () => void {
  return () => {
    const realNow = Date.now;
    const offset = Date.parse(iso) - realNow.call(Date);
    Date.now = () => realNow.call(Date) + offset;
    return () => {
      Date.now = realNow;
    };
  };
}

/** The browser's answer to "Use my location", without a permission prompt: a position near the Xujiahui centre, or a refusal. */
export function geolocationAnswers(answer: 'position' | 'denied'): () => () => void {
  return () => {
    const real = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (success, failure) => {
      setTimeout(() => {
        if (answer === 'position') success({ coords: { latitude: 31.1929, longitude: 121.4372, accuracy: 50 } } as GeolocationPosition);
        else failure?.({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
      }, 50);
    };
    return () => {
      navigator.geolocation.getCurrentPosition = real;
    };
  };
}

// ---- Play helpers.

type Canvas = Pick<StoryContext, 'canvasElement'>;

export function locatorRoot({ canvasElement }: Canvas): ShadowRoot {
  const locator = canvasElement.querySelector('civic-service-locator');
  if (!locator?.shadowRoot) throw new Error('<civic-service-locator> did not render');
  return locator.shadowRoot;
}

export function shown<T extends Element = HTMLElement>(root: ShadowRoot, selector: string, timeout = 8000): Promise<T> {
  return waitFor(
    () => {
      const element = root.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not shown`);
      return element;
    },
    { timeout },
  );
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

export function stateOf(root: ShadowRoot, name: string): string {
  const item = [...root.querySelectorAll('.points > li')].find((li) => squash(li.querySelector('.name')?.textContent) === name);
  if (!item) throw new Error(`No point "${name}"`);
  return squash(item.querySelector('.state')?.textContent);
}

export function states(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('.points > li .state')].map((state) => squash(state.textContent));
}

/** The widget's words in each catalog, and the names of points in each data language. */
export const words = {
  en: {
    loading: 'Loading service points…',
    locate: 'Use my location',
    openNow: 'Open now',
    canteens: 'Community canteen',
    noMatch: 'No service points match.',
    denied: 'Your position was not shared.',
    cannotRead: 'The service points cannot be shown: the data is not in a format this widget reads.',
    notSetUp: 'Service points cannot be shown here at the moment. To find one near you, please call the 12345 hotline.',
    skipped: '4 service points cannot be shown: their data is incomplete.',
    holidayNote: 'Today is a public holiday (National Day): holiday hours apply.',
    workdayNote: 'Today is a make-up workday (National Day): service points keep their weekday hours.',
    unknownHours: 'Hours not confirmed: please call to check before you go.',
    centre: 'Xujiahui Subdistrict Community Affairs Service Centre',
    closedToday: /^Closed today: National Day\. Opens /,
    workdayState: 'Open until 17:00',
    mapRegion: 'Map of the service points',
    tileCredit: 'Tiles: the Storybook fake tile server',
  },
  'zh-Hans': {
    loading: '正在加载服务点…',
    locate: '使用我的位置',
    openNow: '正在开放',
    canteens: '社区食堂',
    noMatch: '没有符合条件的服务点。',
    denied: '您未共享位置。',
    cannotRead: '无法显示服务点：数据格式无法识别。',
    notSetUp: '服务点暂时无法在此显示。如需查找附近的服务点，请拨打 12345 市民服务热线。',
    skipped: '有 4 个服务点因数据不完整无法显示。',
    holidayNote: '今天是法定节假日（国庆节）：按节假日时间开放。',
    workdayNote: '今天是调休上班日（国庆节）：服务点按工作日时间开放。',
    unknownHours: '开放时间未确认：前往前请先电话确认。',
    centre: '徐家汇街道社区事务受理服务中心',
    closedToday: /^今天休息：国庆节。/,
    workdayState: '开放至 17:00',
    mapRegion: '服务点地图',
    tileCredit: '地图瓦片：Storybook 模拟瓦片服务',
  },
  'zh-Hant': {
    loading: '正在載入服務點…',
    locate: '使用我的位置',
    openNow: '正在開放',
    canteens: '社區食堂',
    noMatch: '沒有符合條件的服務點。',
    denied: '您未分享位置。',
    cannotRead: '無法顯示服務點：資料格式無法識別。',
    notSetUp: '服務點暫時無法在此顯示。如需查找附近的服務點，請撥打 12345 市民服務熱線。',
    skipped: '有 4 個服務點因資料不完整無法顯示。',
    holidayNote: '今天是法定節假日（國慶節）：按節假日時間開放。',
    workdayNote: '今天是調休上班日（國慶節）：服務點按工作日時間開放。',
    unknownHours: '開放時間未確認：前往前請先電話確認。',
    centre: '徐家汇街道社区事务受理服务中心',
    closedToday: /^今天休息：國慶節。/,
    workdayState: '開放至 17:00',
    mapRegion: '服務點地圖',
    tileCredit: '地圖圖磚：Storybook 模擬圖磚服務',
  },
} as const;

/** Every state, for one language: the English file adds nothing, the Chinese files re-export these. */
export function keyStates(language: LocatorLanguage): Record<string, LocatorStory> {
  const word = words[language];
  const data = dataLanguage(language);
  const notes = (root: ShadowRoot) => [...root.querySelectorAll('.notice')].map((note) => squash(note.textContent));
  return {
    Loading: {
      args: { src: fakePoints.slow, timeout: 86_400_000 },
      play: async (context) => {
        await expect(squash((await shown(locatorRoot(context), '.loading')).textContent)).toBe(word.loading);
      },
    },
    ListBySubdistrict: {
      beforeEach: atTime('2026-03-10T10:00:00+08:00'),
      play: async (context) => {
        await shown(locatorRoot(context), '.points > li');
      },
    },
    ListByDistance: {
      beforeEach: async () => {
        const undoClock = atTime('2026-03-10T10:00:00+08:00')();
        const undoPosition = geolocationAnswers('position')();
        return () => {
          undoClock();
          undoPosition();
        };
      },
      play: async (context) => {
        const root = locatorRoot(context);
        await userEvent.click(await shown(root, '#locate'));
        await shown(root, '.distance');
        await expect(squash(root.querySelector('.points > li .name')?.textContent)).toBe(word.centre);
      },
    },
    OpenNowNothingOpen: {
      beforeEach: atTime('2026-03-10T03:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await userEvent.click(await shown(root, '#open-now'));
        const canteens = [...root.querySelectorAll<HTMLLabelElement>('.kinds label')].find((label) => squash(label.textContent).startsWith(word.canteens))!;
        await userEvent.click(canteens.querySelector('input')!);
        await waitFor(() => expect(squash(root.querySelector('.list-status span')?.textContent)).toBe(word.noMatch));
      },
    },
    Holiday: {
      beforeEach: atTime('2026-10-01T10:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.points > li');
        await waitFor(() => expect(notes(root)).toContain(word.holidayNote));
        // The community affairs centres close on public holidays (PH off): one is on the first page.
        await expect(states(root).some((state) => word.closedToday.test(state))).toBe(true);
      },
    },
    MakeUpWorkday: {
      beforeEach: atTime('2026-10-10T14:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.points > li');
        await waitFor(() => expect(notes(root)).toContain(word.workdayNote));
        // A Saturday, but the centres open with weekday hours (on an ordinary Saturday they close at 12:00).
        await expect(states(root)).toContain(word.workdayState);
      },
    },
    HoursNotUnderstood: {
      args: { src: fakePoints.unusualHours(data) },
      beforeEach: atTime('2026-03-10T10:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.verbatim');
        await expect(stateOf(root, word.centre)).toBe(word.unknownHours);
      },
    },
    LocationDenied: {
      beforeEach: geolocationAnswers('denied'),
      play: async (context) => {
        const root = locatorRoot(context);
        await userEvent.click(await shown(root, '#locate'));
        await waitFor(() => expect(squash(root.querySelector('.locate .error-message')?.textContent)).toBe(word.denied));
      },
    },
    NoResults: {
      play: async (context) => {
        const root = locatorRoot(context);
        await userEvent.type(await shown(root, '#search'), 'zzzz');
        await waitFor(() => expect(squash(root.querySelector('.list-status span')?.textContent)).toBe(word.noMatch));
      },
    },
    BadData: {
      args: { src: fakePoints.bad(data) },
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.points > li');
        await expect(notes(root)).toContain(word.skipped);
      },
    },
    UnusableData: {
      args: { src: fakePoints.broken },
      play: async (context) => {
        await expect(squash((await shown(locatorRoot(context), '.problem')).textContent)).toBe(word.cannotRead);
      },
    },
    NotConfigured: {
      args: { src: '' },
      play: async (context) => {
        await expect(squash((await shown(locatorRoot(context), '.problem')).textContent)).toBe(word.notSetUp);
      },
    },
    TenThousandPoints: {
      args: { src: fakePoints.many(10_000) },
      play: async (context) => {
        await shown(locatorRoot(context), '.points > li', 15_000);
      },
    },
    MapWithNoTiles: {
      args: { map: true },
      beforeEach: atTime('2026-03-10T10:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.civic-marker button');
        await expect(root.querySelector('section.map')?.getAttribute('aria-label')).toBe(word.mapRegion);
        // The points, a scale bar and a plain background: not one image, not one request for tiles.
        await expect(root.querySelectorAll('.map-view img').length).toBe(0);
        // Every listed point is on the map: with a marker of its own, or in a group of neighbours too close to tell apart.
        const drawn = [...root.querySelectorAll('.civic-marker button')].reduce((sum, marker) => sum + (marker.classList.contains('group') ? Number(marker.textContent) : 1), 0);
        await expect(drawn).toBe(root.querySelectorAll('.points > li').length);
      },
    },
    MapWithTilesFromALocalFakeTileServer: {
      args: { map: true, 'tile-url': fakeTileUrl, 'tile-attribution': word.tileCredit },
      beforeEach: atTime('2026-03-10T10:00:00+08:00'),
      play: async (context) => {
        const root = locatorRoot(context);
        await shown(root, '.civic-marker button');
        await shown(root, '.leaflet-tile-loaded');
      },
    },
    CareMode: {
      args: { 'care-mode': true },
      beforeEach: atTime('2026-03-10T10:00:00+08:00'),
      play: async (context) => {
        await shown(locatorRoot(context), '.points > li');
      },
    },
  };
}
