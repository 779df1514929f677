// Seed data for the Open311 test server. Every namespace gets a fresh deep copy,
// so a test that changes something never leaks into another test.

export const serviceNotice = 'We aim to respond within 3 working days.';

/** GeoReport v2 service list, grouped the way district sites group citizens' messages. */
export const services = [
  service('question', 'General question', '咨询', false, 'Ask the district office anything.'),
  service('help-elderly', '独居老人求助', '求助', false, 'Ask for a visit to an elderly person living alone.'),
  service('noise', 'Noise complaint', '投诉', true, 'Construction, traffic or neighbourhood noise.'),
  service('broken-def', 'Illegal parking', '投诉', true, 'A vehicle blocking a road, exit or footpath.'),
  service('pothole', '道路坑洼', '投诉', false, 'Holes or damage in a road or pavement.'),
  service('suggestion', 'Suggestion for the district', '建议', false, 'Ideas that would make the district better.'),
  service('praise', '表扬工作人员', '表扬', false, 'Thank a member of staff.'),
];

/** Which office a new request goes to, before staff reassign it. */
export const agencies = {
  question: '街道办事处',
  'help-elderly': '社区服务中心',
  noise: 'Environmental Protection Office',
  'broken-def': 'Traffic Police',
  pothole: 'Roads Department',
  suggestion: '街道办事处',
  praise: '街道办事处',
};

// Attributes are listed out of `order` on purpose: clients must sort by `order`.
// Together they cover every GeoReport v2 datatype plus one informational
// (variable: false) attribute.
const noiseAttributes = [
  attribute('when', 'multivaluelist', 7, 'When does it happen?', false, [
    ['morning', 'Morning'],
    ['evening', 'Evening'],
    ['night', 'Night (22:00–06:00)'],
  ]),
  attribute('source', 'singlevaluelist', 2, 'What makes the noise?', true, [
    ['construction', 'Construction'],
    ['traffic', 'Traffic'],
    ['neighbours', 'Neighbours'],
  ]),
  {
    ...attribute('licensed-hours', 'string', 1, 'Licensed construction between 08:00 and 18:00 on working days is allowed.', false),
    variable: false,
  },
  attribute('details', 'text', 6, 'Describe the noise', false),
  attribute('floor', 'number', 5, 'Which floor do you live on?', true),
  attribute('started', 'datetime', 3, 'When did it start?', false),
  attribute('venue', 'string', 4, 'Name of the site or shop, if known', false),
];

// An unknown datatype: widgets must degrade gracefully instead of breaking.
const brokenAttributes = [
  attribute('plate', 'string', 1, 'Number plate', false),
  attribute('car-colour', 'colour', 2, 'Colour of the vehicle', false),
];

export const definitions = {
  noise: { service_code: 'noise', attributes: noiseAttributes },
  'broken-def': { service_code: 'broken-def', attributes: brokenAttributes },
};

// A second district ("other-…" namespaces), for a widget whose endpoint changes:
// other categories, and a `noise` with other questions than the first district's.
const otherServices = [
  service('streetlight', 'Street light out', '求助', false, 'A street light that is off or flickering.'),
  service('noise', 'Noise (other district)', '投诉', true, 'Noise, as the other district asks about it.'),
];

const otherDefinitions = {
  noise: {
    service_code: 'noise',
    attributes: [attribute('loudness', 'singlevaluelist', 1, 'How loud is it?', true, [['quiet', 'Quiet'], ['loud', 'Loud']])],
  },
};

// Attribute codes that are also names on Object.prototype ("tricky-…" namespaces):
// a client that looks answers up as `answers[code]` finds functions and objects there.
const protoCodeAttributes = [
  attribute('constructor', 'string', 1, 'Who is building it?', true),
  attribute('__proto__', 'singlevaluelist', 2, 'Is it dangerous?', false, [
    ['yes', 'Yes'],
    ['no', 'No'],
  ]),
  attribute('toString', 'number', 3, 'How many machines?', false),
  attribute('hasOwnProperty', 'multivaluelist', 4, 'Which days?', false, [
    ['weekdays', 'Weekdays'],
    ['weekend', 'Weekend'],
  ]),
];

const seeds = {
  default: { services, definitions },
  other: { services: otherServices, definitions: otherDefinitions },
  tricky: {
    services: [...services, service('proto-codes', 'Building site', '投诉', true, 'A building site with odd question codes.')],
    definitions: { ...definitions, 'proto-codes': { service_code: 'proto-codes', attributes: protoCodeAttributes } },
  },
};

/** The seed of a namespace: `other-…` and `tricky-…` names get those seeds, every other name the default. */
export function seedFor(namespace) {
  const prefix = /^(other|tricky)-/.exec(namespace)?.[1];
  return seeds[prefix ?? 'default'];
}

function service(code, name, group, metadata, description) {
  return {
    service_code: code,
    service_name: name,
    description,
    metadata,
    type: 'realtime',
    keywords: group,
    group,
  };
}

function attribute(code, datatype, order, description, required, values) {
  return {
    variable: true,
    code,
    datatype,
    required,
    datatype_description: null,
    order,
    description,
    ...(values ? { values: values.map(([key, name]) => ({ key, name })) } : {}),
  };
}
