/**
 * What the fake Open311 server answers: a Shanghai district's catalog in
 * Simplified Chinese (as such servers really answer) and an English one, so
 * English stories are not a mixture of two languages. Addresses and names are
 * invented; nothing here is a real person's data.
 */

export type CatalogLanguage = 'zh' | 'en';

/** The tracking number every successful report gets, and the one the progress lookup knows. */
export const knownRequestId = 'SH-2026-001234';

interface ServiceRow {
  code: string;
  group: Record<CatalogLanguage, string>;
  name: Record<CatalogLanguage, string>;
  description: Record<CatalogLanguage, string>;
  metadata?: boolean;
}

// The five request types of the 12345 citizen hotline: 咨询, 求助, 投诉, 建议, 表扬.
const question = { zh: '咨询', en: 'Question' };
const help = { zh: '求助', en: 'Help' };
const complaint = { zh: '投诉', en: 'Complaint' };
const suggestion = { zh: '建议', en: 'Suggestion' };
const praise = { zh: '表扬', en: 'Praise' };

const rows: ServiceRow[] = [
  {
    code: 'policy-question',
    group: question,
    name: { zh: '政策咨询', en: 'Question about a policy' },
    description: { zh: '社保、医保、养老、住房等政策问题。', en: 'Social insurance, health insurance, pensions, housing and other policies.' },
  },
  {
    code: 'service-guide',
    group: question,
    name: { zh: '办事指南', en: 'How to apply for a service' },
    description: { zh: '所需材料、办理地点和时间。', en: 'Documents needed, where and when to apply.' },
  },
  {
    code: 'elderly-visit',
    group: help,
    name: { zh: '独居老人探访', en: 'Visit to an elderly person living alone' },
    description: { zh: '请居委会或社区服务中心上门看望。', en: 'Ask the residents’ committee or community centre to call round.' },
  },
  {
    code: 'street-light',
    group: help,
    name: { zh: '路灯不亮', en: 'Street light out' },
    description: { zh: '请写明路名和最近的门牌号或灯杆编号。', en: 'Give the street and the nearest house or lamp-post number.' },
  },
  {
    code: 'noise',
    group: complaint,
    name: { zh: '噪声扰民', en: 'Noise nuisance' },
    description: { zh: '工地、交通、商铺或邻里噪声。', en: 'Noise from building sites, traffic, shops or neighbours.' },
    metadata: true,
  },
  {
    code: 'street-vending',
    group: complaint,
    name: { zh: '占道经营', en: 'Stalls blocking the pavement' },
    description: { zh: '摊位或店铺商品占用人行道、盲道。', en: 'Stalls or shop goods on the pavement or the tactile paving.' },
  },
  {
    code: 'road-damage',
    group: complaint,
    name: { zh: '道路破损', en: 'Damaged road or pavement' },
    description: { zh: '坑洼、地砖松动、井盖缺失。', en: 'Potholes, loose paving stones, missing manhole covers.' },
  },
  {
    code: 'neighbourhood-idea',
    group: suggestion,
    name: { zh: '社区建设建议', en: 'Idea for the neighbourhood' },
    description: { zh: '让社区更宜居的想法。', en: 'Anything that would make the neighbourhood a better place to live.' },
  },
  {
    code: 'praise-staff',
    group: praise,
    name: { zh: '表扬工作人员', en: 'Praise a member of staff' },
    description: { zh: '感谢为您提供帮助的工作人员。', en: 'Thank someone who helped you.' },
  },
];

export function services(language: CatalogLanguage): unknown[] {
  return rows.map((row) => ({
    service_code: row.code,
    service_name: row.name[language],
    description: row.description[language],
    metadata: row.metadata === true,
    type: 'realtime',
    keywords: row.group[language],
    group: row.group[language],
  }));
}

type Choices = Array<[key: string, zh: string, en: string]>;

function attribute(
  language: CatalogLanguage,
  code: string,
  datatype: string,
  order: number,
  required: boolean,
  description: [zh: string, en: string],
  hint?: [zh: string, en: string],
  choices?: Choices,
) {
  const pick = ([zh, en]: [string, string]) => (language === 'zh' ? zh : en);
  return {
    variable: true,
    code,
    datatype,
    required,
    datatype_description: hint ? pick(hint) : null,
    order,
    description: pick(description),
    ...(choices ? { values: choices.map(([key, zh, en]) => ({ key, name: pick([zh, en]) })) } : {}),
  };
}

// Huangpu District's sub-districts: more than six choices, so the widget shows a select.
const subdistricts: Choices = [
  ['waitan', '外滩街道', 'The Bund'],
  ['nanjing-east', '南京东路街道', 'East Nanjing Road'],
  ['bansongyuan', '半淞园路街道', 'Bansongyuan Road'],
  ['xiaodongmen', '小东门街道', 'Xiaodongmen'],
  ['yuyuan', '豫园街道', 'Yuyuan'],
  ['laoximen', '老西门街道', 'Laoximen'],
  ['wuliqiao', '五里桥街道', 'Wuliqiao'],
  ['dapuqiao', '打浦桥街道', 'Dapuqiao'],
  ['huaihai-middle', '淮海中路街道', 'Middle Huaihai Road'],
  ['ruijin-second', '瑞金二路街道', 'Ruijin No. 2 Road'],
];

/** The noise category's questions: every GeoReport v2 datatype and one note, out of order on purpose. */
export function noiseDefinition(language: CatalogLanguage): unknown {
  return {
    service_code: 'noise',
    attributes: [
      attribute(language, 'when', 'multivaluelist', 8, false, ['一般在什么时段？', 'When does it usually happen?'], undefined, [
        ['morning', '早上（06:00–08:00）', 'Early morning (06:00–08:00)'],
        ['daytime', '白天', 'During the day'],
        ['night', '夜间（22:00–次日06:00）', 'At night (22:00–06:00)'],
      ]),
      attribute(language, 'source', 'singlevaluelist', 2, true, ['噪声来自哪里？', 'Where does the noise come from?'], undefined, [
        ['construction', '建筑工地', 'A building site'],
        ['traffic', '道路交通', 'Traffic'],
        ['shop', '商铺或餐馆', 'A shop or restaurant'],
        ['neighbour', '邻居', 'A neighbour'],
      ]),
      {
        ...attribute(language, 'night-permit', 'string', 1, false, [
          '夜间（22:00–次日06:00）施工须持有夜间施工许可证；持证施工不属于违规。',
          'Building work at night (22:00–06:00) needs a night-work permit; work with a permit is allowed.',
        ]),
        variable: false,
      },
      attribute(language, 'subdistrict', 'singlevaluelist', 3, false, ['所在街道', 'Sub-district'], undefined, subdistricts),
      attribute(language, 'floor', 'number', 5, true, ['您住在几楼？', 'Which floor do you live on?'], ['填数字，例如 12。', 'A number, for example 12.']),
      attribute(language, 'started', 'datetime', 4, false, ['噪声从何时开始？', 'When did it start?']),
      attribute(language, 'venue', 'string', 6, false, ['工地或商铺名称（如知道）', 'Name of the site or shop, if you know it']),
      attribute(language, 'details', 'text', 7, false, ['还有什么需要说明的？', 'Anything else we should know?']),
    ],
  };
}

export function receipt(language: CatalogLanguage): unknown {
  const notice = {
    zh: '您的诉求已受理，我们将在 3 个工作日内答复。情况紧急请拨打 110。',
    en: 'Your report has been registered. We will reply within 3 working days. In an emergency, call 110.',
  };
  return [{ service_request_id: knownRequestId, service_notice: notice[language], account_id: null }];
}

export function refusal(language: CatalogLanguage): unknown {
  const description = {
    zh: '该地址不在本区（黄浦区）管辖范围内，请通过 12345 市民服务热线向所在区反映。',
    en: 'The address is outside the district (Huangpu). Please report it through the 12345 citizen hotline to the district where it is.',
  };
  return [{ code: 400, description: description[language] }];
}

export function requestStatus(language: CatalogLanguage): unknown {
  const zh = language === 'zh';
  return [
    {
      service_request_id: knownRequestId,
      status: 'open',
      status_notes: zh
        ? '已派单至区城管执法局，执法队员将于今晚 22:00 后到现场核查。'
        : 'Passed to the district’s city management office; officers will check on site after 22:00 tonight.',
      service_name: zh ? '噪声扰民' : 'Noise nuisance',
      service_code: 'noise',
      description: zh ? '复兴中路一处工地每晚 23 点后仍在打桩。' : 'A building site on Middle Fuxing Road is still piling after 23:00 every night.',
      agency_responsible: zh ? '黄浦区城市管理行政执法局' : 'Huangpu District City Management Office',
      service_notice: '',
      requested_datetime: '2026-03-02T09:14:00+08:00',
      updated_datetime: '2026-03-03T16:40:00+08:00',
      expected_datetime: '2026-03-06T18:00:00+08:00',
      address: zh ? '复兴中路 300 号附近' : 'Near 300 Middle Fuxing Road',
      lat: 31.2152,
      long: 121.4689,
    },
  ];
}

export function notFound(language: CatalogLanguage, what: string): unknown {
  return [{ code: 404, description: language === 'zh' ? `未找到：${what}` : `Not found: ${what}` }];
}
