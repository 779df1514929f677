import { expect } from '@open-wc/testing';
import { feedOrigin } from '/test-config.js';
import { parseAlertSource, type AlertInfo, type CapAlert } from '../src/alerts/cap.js';
import { activeAlerts, infoFor } from '../src/alerts/active-alerts.js';
import { FeedFormatError } from '../src/feeds/notice.js';
import { feedFile } from './helpers/feed-server.js';

// CAP 1.2 parsing and the rules for what the public sees, on the real CAP
// files of test/feeds/cap/ and the Atom feeds that carry or link to them,
// fetched from the feed test server.

async function load(path: string): Promise<{ text: string; base: string }> {
  const response = await fetch(feedFile(path));
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return { text: await response.text(), base: response.url };
}

async function alertsOf(path: string): Promise<CapAlert[]> {
  const { text, base } = await load(path);
  return parseAlertSource(text, base).alerts;
}

/** The error a parse throws, as `ClassName: message`; '' when it does not throw. */
async function parseError(path: string): Promise<string> {
  const { text, base } = await load(path);
  try {
    parseAlertSource(text, base);
    return '';
  } catch (error) {
    return `${error instanceof FeedFormatError ? 'FeedFormatError' : 'other'}: ${(error as Error).message}`;
  }
}

function infoFacts(info: AlertInfo) {
  return { ...info, expires: info.expires?.toISOString() };
}

const now = Date.now();

describe('CAP 1.2 parsing', () => {
  it('reads an alert: identity, status, type, scope and its info block', async () => {
    const [alert] = await alertsOf('cap/severe-immediate.xml');
    const { info, ...identity } = alert!;
    expect(identity).to.deep.equal({
      identifier: 'CN-BJ-2026-0311-RAIN-RED',
      sender: 'qxt@binjiang.example.gov.cn',
      sent: '2026-03-11T06:00:00+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      references: [],
    });
    expect(info.map(infoFacts)).to.deep.equal([
      {
        language: 'zh-CN',
        event: '暴雨红色预警',
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Likely',
        headline: '滨江区气象台发布暴雨红色预警信号',
        description: '预计未来3小时内滨江区将出现100毫米以上降水，低洼地区可能积水。',
        instruction: '停止户外活动，远离河道和低洼地区，危险地带人员立即转移。',
        senderName: '滨江区气象台',
        web: 'https://weather.binjiang.example.gov.cn/warnings/0311-rain',
        areaDesc: '滨江区全境',
        moreAreas: 0,
        expires: '2099-03-11T10:00:00.000Z',
      },
    ]);
  });

  it('reads the identifiers an Update and a Cancel refer to from their "sender,identifier,sent" triples', async () => {
    const [update] = await alertsOf('cap/fog-update.xml');
    const [cancel] = await alertsOf('cap/wind-cancel.xml');
    expect([update!.msgType, update!.references]).to.deep.equal(['Update', ['CN-BJ-2026-0309-FOG']]);
    expect([cancel!.msgType, cancel!.references]).to.deep.equal(['Cancel', ['CN-BJ-2026-0308-WIND']]);
  });

  it('reads one info block per language', async () => {
    const [alert] = await alertsOf('cap/multi-language.xml');
    expect(alert!.info.map((info) => [info.language, info.headline])).to.deep.equal([
      ['zh-CN', '滨江区气象台发布台风橙色预警信号'],
      ['zh-TW', '濱江區氣象台發佈颱風橙色預警信號'],
      ['en-US', 'Typhoon orange warning for Riverside District'],
    ]);
  });

  it('reads the alerts embedded in an Atom feed', async () => {
    const { text, base } = await load('alerts-embedded.atom');
    const source = parseAlertSource(text, base);
    expect(source.links).to.deep.equal([]);
    expect(source.alerts.map((alert) => `${alert.identifier} ${alert.status} ${alert.msgType}`)).to.deep.equal([
      'CN-BJ-2026-0311-RAIN-RED Actual Alert',
      'CN-BJ-2026-0310-HEAT-BLUE Actual Alert',
      'CN-BJ-2026-0309-FOG Actual Alert',
      'CN-BJ-2026-0309-FOG-U1 Actual Update',
      'CN-BJ-2026-0308-WIND Actual Alert',
      'CN-BJ-2026-0308-WIND-C Actual Cancel',
      'CN-BJ-2025-1201-COLD Actual Alert',
      'CN-BJ-2026-TEST-0001 Test Alert',
    ]);
  });

  it('reads the links of an Atom feed of CAP alerts, resolved against the feed, preferring application/cap+xml', async () => {
    const { text, base } = await load('alerts-links.atom');
    const source = parseAlertSource(text, base);
    expect(source.alerts).to.deep.equal([]);
    expect(source.links).to.deep.equal(['severe-immediate', 'minor', 'multi-language', 'expired'].map((name) => `${feedOrigin}/feeds/cap/${name}.xml`));
  });

  it('refuses what is not CAP nor an Atom feed of it, and an alert without an identifier', async () => {
    expect(await parseError('notices.rss')).to.match(/^FeedFormatError: alerts-src is neither a CAP 1.2 alert nor an Atom feed of them \(its root is <rss>\)/);
    expect(await parseError('not-a-feed.html')).to.equal('FeedFormatError: The feed is not well-formed XML.');
    expect(await parseError('broken.rss')).to.equal('FeedFormatError: The feed is not well-formed XML.');
    const noIdentifier = '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><sent>2026-03-11T06:00:00+08:00</sent><status>Actual</status></alert>';
    expect(() => parseAlertSource(noIdentifier, feedOrigin)).to.throw(FeedFormatError, 'A CAP alert has no identifier.');
  });

  it('drops a web link that is not http(s)', async () => {
    const [alert] = parseAlertSource(
      '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X</identifier><status>Actual</status><msgType>Alert</msgType><info><web>javascript:window.__pwned=1</web></info></alert>',
      feedOrigin,
    ).alerts;
    expect(alert!.info[0]!.web).to.equal(undefined);
    // No <language>: CAP would read en-US, but the board claims none (a Chinese alert without one is common).
    expect(alert!.info[0]!.language).to.equal('');
  });
});

describe('CAP alert rules', () => {
  it('shows Actual alerts only; an Update replaces, a Cancel removes; expired ones go; the most severe first', async () => {
    const active = activeAlerts(await alertsOf('alerts-embedded.atom'), 'zh-Hans', now);
    expect(active.map((alert) => [alert.identifier, alert.urgent, alert.info.severity])).to.deep.equal([
      ['CN-BJ-2026-0311-RAIN-RED', true, 'Severe'],
      ['CN-BJ-2026-0309-FOG-U1', false, 'Moderate'],
      ['CN-BJ-2026-0310-HEAT-BLUE', false, 'Minor'],
    ]);
    expect(active[0]!.version).to.equal('CN-BJ-2026-0311-RAIN-RED|2026-03-11T06:00:00+08:00');
  });

  it('is urgent only for Extreme or Severe that is Immediate or Expected', () => {
    const make = (severity: string, urgency: string): CapAlert => ({
      identifier: `${severity}-${urgency}`,
      sender: 's',
      sent: '2026-03-11T06:00:00+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      references: [],
      info: [{ language: 'zh-CN', event: 'e', urgency, severity, certainty: 'Likely', headline: 'h', description: '', instruction: '', senderName: '', areaDesc: '', moreAreas: 0 }],
    });
    const cases = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'].flatMap((severity) =>
      ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'].map((urgency) => make(severity, urgency)),
    );
    const urgent = activeAlerts(cases, 'en', now)
      .filter((alert) => alert.urgent)
      .map((alert) => alert.identifier)
      .sort();
    expect(urgent).to.deep.equal(['Extreme-Expected', 'Extreme-Immediate', 'Severe-Expected', 'Severe-Immediate']);
  });

  it('hides alerts that are not for the public: Test, Exercise, Draft, and a Restricted scope', async () => {
    const [test] = await alertsOf('cap/test-status.xml');
    const [minor] = await alertsOf('cap/minor.xml');
    const variants: CapAlert[] = [test!, { ...minor!, identifier: 'exercise', status: 'Exercise' }, { ...minor!, identifier: 'draft', status: 'Draft' }, { ...minor!, identifier: 'restricted', scope: 'Restricted' }, minor!];
    expect(activeAlerts(variants, 'zh-Hans', now).map((alert) => alert.identifier)).to.deep.equal(['CN-BJ-2026-0310-HEAT-BLUE']);
  });

  it('a Cancel alone shows nothing; an expired alert shows nothing', async () => {
    expect(activeAlerts(await alertsOf('cap/wind-cancel.xml'), 'zh-Hans', now)).to.deep.equal([]);
    expect(activeAlerts(await alertsOf('cap/expired.xml'), 'zh-Hans', now)).to.deep.equal([]);
  });

  it("chooses the info block in the page's language, else the first", async () => {
    const [alert] = await alertsOf('cap/multi-language.xml');
    expect(infoFor(alert!.info, 'en')!.language).to.equal('en-US');
    expect(infoFor(alert!.info, 'zh-Hans')!.language).to.equal('zh-CN');
    expect(infoFor(alert!.info, 'zh-Hant')!.language).to.equal('zh-TW');
    const [chineseOnly] = await alertsOf('cap/minor.xml');
    expect(infoFor(chineseOnly!.info, 'en')!.language).to.equal('zh-CN');
    expect(infoFor(chineseOnly!.info, 'zh-Hant')!.language).to.equal('zh-CN');
  });
});
