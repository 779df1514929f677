import type { Meta } from '@storybook/web-components-vite';
import { baseArgs, inLanguage, keyStates, locatorArgTypes, renderLocator, type LocatorArgs, type LocatorStory } from './service-locator-story-kit';

/**
 * `<civic-service-locator>` against the fake service-point server of this
 * Storybook (.storybook/fake-service-points.ts): the demo district's 60 points
 * and the State Council's 2026 holiday calendar. Each story that depends on
 * the day sets the clock the widget reads; "Use my location" is answered by a
 * stand-in for the browser, near the Xujiahui centre.
 * A page of its own: lit-localize's locale is page-global.
 */
const meta = {
  title: 'Widgets/Service locator in 简体中文 (zh-Hans)',
  id: 'widgets-service-locator-zh-hans',
  component: 'civic-service-locator',
  tags: ['autodocs'],
  decorators: [inLanguage('zh-Hans')],
  argTypes: locatorArgTypes,
  args: baseArgs('zh-Hans'),
  render: renderLocator,
} satisfies Meta<LocatorArgs>;

export default meta;

const key = keyStates('zh-Hans');

export const Loading: LocatorStory = key.Loading!;
export const ListBySubdistrict: LocatorStory = key.ListBySubdistrict!;
export const ListByDistance: LocatorStory = key.ListByDistance!;
export const OpenNowNothingOpen: LocatorStory = key.OpenNowNothingOpen!;
export const Holiday: LocatorStory = key.Holiday!;
export const MakeUpWorkday: LocatorStory = key.MakeUpWorkday!;
export const HoursNotUnderstood: LocatorStory = key.HoursNotUnderstood!;
export const LocationDenied: LocatorStory = key.LocationDenied!;
export const NoResults: LocatorStory = key.NoResults!;
export const BadData: LocatorStory = key.BadData!;
export const UnusableData: LocatorStory = key.UnusableData!;
export const NotConfigured: LocatorStory = key.NotConfigured!;
export const TenThousandPoints: LocatorStory = key.TenThousandPoints!;
export const MapWithNoTiles: LocatorStory = key.MapWithNoTiles!;
export const MapWithTilesFromALocalFakeTileServer: LocatorStory = key.MapWithTilesFromALocalFakeTileServer!;
export const CareMode: LocatorStory = key.CareMode!;
