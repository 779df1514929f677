// 市民反馈办理 — the staff page of the demo district site.
//
// Signs in with a staff token (kept in sessionStorage only), lists the reports
// from GET /staff/api/requests (filters, keyset pages), edits one with
// PATCH /open311/v2/requests/{id} (status, what the public sees, spam), and
// lists survey call-backs from GET /staff/api/callbacks.
// Everything the server sends is untrusted: the page is built with DOM APIs and
// textContent only (the site runs under Trusted Types), links are limited to
// http(s) URLs, and each field is checked for its type before it is shown.

const tokenKey = 'civic-staff-token';
// The page is in Chinese whatever the browser's language: ask for category names and messages in it.
const listUrl = '/staff/api/requests?lang=zh-Hans';
const servicesUrl = '/open311/v2/services.json?lang=zh-Hans';
const callbacksUrl = '/staff/api/callbacks';
const pageSize = 50;
const requestUrl = (id) => '/open311/v2/requests/' + encodeURIComponent(id) + '?lang=zh-Hans';
const shanghaiOffsetMs = 8 * 60 * 60 * 1000; // Asia/Shanghai has no daylight saving time.
const summaryLength = 80;

const dateFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

const filterLabels = { open: '待处理', closed: '已办结', all: '全部', 'suspected-spam': '疑似垃圾信息' };
const reasonLabels = { efficiency: '办事效率', 'guide-accuracy': '办事指南准确度', convenience: '办事便捷度', usability: '平台操作性', attitude: '服务态度', other: '其他' };
const statusLabels = { open: '待处理', closed: '已办结' };

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const ui = {
  signInPanel: $('staff-sign-in-panel'),
  signInForm: /** @type {HTMLFormElement} */ ($('staff-sign-in')),
  token: /** @type {HTMLInputElement} */ ($('staff-token')),
  signInError: $('staff-sign-in-error'),
  reports: $('staff-reports'),
  reportsHeading: $('reports-heading'),
  filter: /** @type {HTMLSelectElement} */ ($('staff-filter')),
  filters: /** @type {HTMLFormElement} */ ($('staff-filters')),
  category: /** @type {HTMLSelectElement} */ ($('staff-category')),
  from: /** @type {HTMLInputElement} */ ($('staff-from')),
  to: /** @type {HTMLInputElement} */ ($('staff-to')),
  search: /** @type {HTMLInputElement} */ ($('staff-search')),
  totals: $('staff-totals'),
  pages: $('staff-pages'),
  first: $('staff-first'),
  next: $('staff-next'),
  callbacks: $('staff-callbacks'),
  callbackList: $('staff-callback-list'),
  refresh: $('staff-refresh'),
  signOut: $('staff-sign-out'),
  list: $('staff-list'),
  status: $('staff-status'),
};

let token = readToken();
let loadSequence = 0; // Answers to an older list request are ignored.
let formSequence = 0; // Unique ids for the controls of each edit form.
let cursor = ''; // The page shown: '' is the first; otherwise the server's `next` of the page before.
let nextCursor = '';
let pageNumber = 1;

// ---- Storage ----------------------------------------------------------------------------------

function readToken() {
  try {
    return sessionStorage.getItem(tokenKey) ?? '';
  } catch {
    return '';
  }
}

function keepToken(value) {
  try {
    if (value) sessionStorage.setItem(tokenKey, value);
    else sessionStorage.removeItem(tokenKey);
  } catch {
    // Storage disabled: the token lives in this page only.
  }
}

// ---- DOM helpers ------------------------------------------------------------------------------

/**
 * Creates an element. `props` sets `className`, `text` (textContent) and plain
 * attributes; children are nodes or strings (added as text, never as HTML).
 */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

const hidden = (text) => h('span', { className: 'visually-hidden', text });

function announce(text, { error = false } = {}) {
  ui.status.textContent = text;
  ui.status.classList.toggle('staff-status-error', error);
}

// ---- Untrusted data ---------------------------------------------------------------------------

function text(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One report from the server, every field checked and turned into a string (or list of strings). */
function normalize(raw) {
  const contact = isRecord(raw.contact) ? raw.contact : {};
  const media = Array.isArray(raw.media_url) ? raw.media_url : raw.media_url ? [raw.media_url] : [];
  const attributes = isRecord(raw.attributes)
    ? Object.entries(raw.attributes)
        .map(([code, value]) => [code, Array.isArray(value) ? value.map(text).filter(Boolean) : text(value)])
        .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : value !== ''))
    : [];
  return {
    id: text(raw.service_request_id),
    status: text(raw.status),
    statusNotes: text(raw.status_notes),
    serviceCode: text(raw.service_code),
    serviceName: text(raw.service_name),
    description: text(raw.description),
    agency: text(raw.agency_responsible),
    requested: text(raw.requested_datetime),
    updated: text(raw.updated_datetime),
    expected: text(raw.expected_datetime),
    address: text(raw.address) || text(raw.address_string),
    lat: text(raw.lat),
    long: text(raw.long),
    media: media.map(text).filter(Boolean),
    publicDescription: isRecord(raw.published) ? text(raw.published.description) : '',
    mediaPublic: isRecord(raw.published) && raw.published.media === true,
    review: text(raw.review),
    attributes,
    contact: {
      firstName: text(contact.first_name),
      lastName: text(contact.last_name),
      phone: text(contact.phone),
      email: text(contact.email),
    },
  };
}

function timeOf(iso) {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** A <time> in Shanghai time, or the raw text if it is not a date. */
function timeElement(iso) {
  const ms = timeOf(iso);
  if (ms === undefined) return document.createTextNode(iso || '—');
  return h('time', { datetime: new Date(ms).toISOString(), text: dateFormat.format(ms) });
}

/** An ISO date-time as the value of a datetime-local control, in Shanghai time. */
function toLocalInput(iso) {
  const ms = timeOf(iso);
  return ms === undefined ? '' : new Date(ms + shanghaiOffsetMs).toISOString().slice(0, 16);
}

/** The value of a datetime-local control (Shanghai time) as ISO 8601 with +08:00, or null when empty. */
function fromLocalInput(value) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(value);
  return match ? `${match[1]}T${match[2]}:${match[3] ?? '00'}+08:00` : null;
}

/** A photo this server stored and re-encoded (same origin, /media/): safe to load as an image. */
function isStoredPhoto(url) {
  const parsed = new URL(url);
  return parsed.origin === location.origin && parsed.pathname.startsWith('/media/');
}

/** Only http(s) links and images: a javascript: or data: URL from the server is shown as text. */
function safeUrl(value) {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function truncate(value, length) {
  const chars = Array.from(value);
  return chars.length > length ? chars.slice(0, length).join('') + '…' : value;
}

/** The words of an error answer (Open311's [{code, description}] or a problem's title), or a fallback. */
async function problemOf(response) {
  try {
    const body = await response.json();
    const first = Array.isArray(body) ? body[0] : body;
    if (isRecord(first) && typeof first.description === 'string' && first.description.trim()) return first.description;
    // The staff routes answer with RFC 9457 problem details.
    if (isRecord(first) && typeof first.title === 'string' && first.title.trim()) return first.title;
  } catch {
    // Not JSON: fall through.
  }
  return `服务器返回 HTTP ${response.status}。`;
}

// ---- Sign-in ------------------------------------------------------------------------------------

function showSignIn(message = '') {
  ui.reports.hidden = true;
  ui.list.replaceChildren();
  // Names and phones of call-backs leave the page with the token.
  ui.callbacks.hidden = true;
  ui.callbackList.replaceChildren();
  ui.totals.textContent = '';
  ui.signInPanel.hidden = false;
  ui.signInError.textContent = message;
  if (message) ui.token.setAttribute('aria-invalid', 'true');
  else ui.token.removeAttribute('aria-invalid');
}

function showReports() {
  ui.signInPanel.hidden = true;
  ui.signInError.textContent = '';
  ui.token.removeAttribute('aria-invalid');
  ui.reports.hidden = false;
}

/** The token was refused (401): forget it and ask again. */
function signedOut(message) {
  loadSequence++;
  token = '';
  keepToken('');
  ui.token.value = '';
  announce('');
  showSignIn(message);
  ui.token.focus();
}

let signInBusy = false;
ui.signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (signInBusy) return;
  const value = ui.token.value.trim();
  if (!value) {
    showSignIn('请输入工作人员令牌。');
    ui.token.focus();
    return;
  }
  // An HTTP header carries only visible ASCII; anything else cannot be a valid token.
  if (!/^[\x21-\x7e]+$/.test(value)) {
    showSignIn('令牌格式不正确：只能包含英文字母、数字和符号，不能有空格。');
    ui.token.focus();
    return;
  }
  const button = ui.signInForm.querySelector('button[type="submit"]');
  button?.setAttribute('aria-disabled', 'true');
  signInBusy = true;
  token = value;
  const outcome = await load({ signingIn: true });
  signInBusy = false;
  button?.removeAttribute('aria-disabled');
  if (outcome === 'unauthorized') return;
  keepToken(token);
  ui.token.value = '';
  ui.reportsHeading.focus();
});

ui.signOut.addEventListener('click', () => {
  loadSequence++;
  token = '';
  keepToken('');
  showSignIn();
  announce('已退出。');
  ui.token.focus();
});

ui.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  void load({ page: 'first' });
});
ui.filter.addEventListener('change', () => void load({ page: 'first' }));
ui.refresh.addEventListener('click', () => void load());
ui.first.addEventListener('click', () => void load({ page: 'first', focusList: true }));
ui.next.addEventListener('click', () => void load({ page: 'next', focusList: true }));

// ---- The list -----------------------------------------------------------------------------------

/** A date control's day (Shanghai time) as the first or last second of that day, in ISO 8601. */
function dayBound(value, end) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59' : '00:00:00'}+08:00` : '';
}

/** The query of the list as the filters are set, for the page at `at`. */
function listQuery(at) {
  const filter = Object.hasOwn(filterLabels, ui.filter.value) ? ui.filter.value : 'open';
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (filter === 'suspected-spam') {
    params.set('status', 'all');
    params.set('review', 'suspected-spam');
  } else {
    params.set('status', filter);
  }
  if (ui.category.value) params.set('service_code', ui.category.value);
  const from = dayBound(ui.from.value, false);
  const to = dayBound(ui.to.value, true);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const words = ui.search.value.trim();
  if (words) params.set('q', words);
  if (at) params.set('cursor', at);
  return { filter, query: `${listUrl}&${params}` };
}

/** Loads and shows a page of reports; answers 'ok', 'unauthorized' or 'error'. */
async function load({ signingIn = false, quiet = false, page = 'same', focusList = false } = {}) {
  const sequence = ++loadSequence;
  const at = page === 'first' ? '' : page === 'next' ? nextCursor : cursor;
  const { filter, query } = listQuery(at);
  ui.list.setAttribute('aria-busy', 'true');
  if (!quiet) announce(signingIn ? '正在登录…' : '正在加载…');
  let response;
  try {
    response = await fetch(query, {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    if (sequence !== loadSequence) return 'error';
    return listProblem('无法连接服务器，请检查网络后按“刷新”重试。');
  }
  if (sequence !== loadSequence) return 'error';
  if (response.status === 401) {
    ui.list.removeAttribute('aria-busy');
    signedOut(signingIn ? '令牌不正确，请检查后重新输入。' : '登录已失效或令牌不正确，请重新输入令牌。');
    return 'unauthorized';
  }
  if (response.status === 429 && signingIn) {
    // Too many wrong tokens from this address: say so where the token is typed.
    ui.list.removeAttribute('aria-busy');
    announce('');
    showSignIn(await problemOf(response));
    ui.token.focus();
    return 'unauthorized';
  }
  if (!response.ok) return listProblem(`无法加载诉求列表：${await problemOf(response)}`);
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (sequence !== loadSequence) return 'error';
  if (!isRecord(body) || !Array.isArray(body.requests)) return listProblem('服务器返回的数据格式不正确。');
  const requests = body.requests.filter(isRecord).map(normalize);
  const total = typeof body.total === 'number' ? body.total : requests.length;
  pageNumber = page === 'first' ? 1 : page === 'next' ? pageNumber + 1 : pageNumber;
  cursor = at;
  nextCursor = typeof body.next === 'string' ? body.next : '';
  showReports();
  showTotals(body.totals);
  const firstShown = (pageNumber - 1) * pageSize + 1;
  renderList(requests, filter, total, firstShown);
  ui.pages.hidden = !nextCursor && pageNumber === 1;
  ui.next.hidden = !nextCursor;
  ui.first.hidden = pageNumber === 1;
  ui.list.removeAttribute('aria-busy');
  const range = requests.length ? `第 ${firstShown}–${firstShown + requests.length - 1} 条，` : '';
  if (!quiet) announce(signingIn ? `已登录。${filterLabels[filter]}诉求共 ${total} 条。` : `已加载${filterLabels[filter]}诉求：${range}共 ${total} 条。`);
  if (focusList) ui.reportsHeading.focus();
  void loadCallbacks();
  return 'ok';
}

/** The counts of every view, so that a backlog is visible whatever the filter. */
function showTotals(totals) {
  if (!isRecord(totals)) {
    ui.totals.textContent = '';
    return;
  }
  const count = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  ui.totals.textContent = `待处理 ${count(totals.open)} 条 · 已办结 ${count(totals.closed)} 条 · 疑似垃圾信息 ${count(totals.suspected_spam)} 条`;
}

function listProblem(message) {
  showReports();
  ui.list.removeAttribute('aria-busy');
  ui.list.replaceChildren(h('p', { className: 'message message-error', text: message }));
  announce(message, { error: true });
  return 'error';
}

function renderList(requests, filter, total, firstShown) {
  if (requests.length === 0) {
    ui.list.replaceChildren(h('p', { className: 'empty-state', text: `没有符合条件的${filterLabels[filter]}诉求。` }));
    return;
  }
  const columns = [
    ['受理编号', 'col-id'],
    ['提交时间', 'col-time'],
    ['类别', 'col-category'],
    ['内容', 'col-description'],
    ['状态', 'col-status'],
    ['办理', 'col-edit'],
  ];
  const order = filter === 'open' ? '最早的在前' : '最新的在前';
  const table = h(
    'table',
    { className: 'staff-table' },
    h('caption', { text: `${filterLabels[filter]}诉求共 ${total} 条，第 ${firstShown}–${firstShown + requests.length - 1} 条，${order}` }),
    h('thead', {}, h('tr', {}, columns.map(([label, className]) => h('th', { scope: 'col', className, text: label })))),
    h('tbody', {}, requests.map((request) => buildRow(request))),
  );
  ui.list.replaceChildren(table);
}

/** The category filter's choices, from the public catalogue. */
async function loadCategories() {
  try {
    const response = await fetch(servicesUrl, { headers: { Accept: 'application/json' } });
    const services = response.ok ? await response.json() : [];
    if (!Array.isArray(services)) return;
    for (const service of services.filter(isRecord)) {
      const code = text(service.service_code);
      if (code) ui.category.append(h('option', { value: code, text: text(service.service_name) || code }));
    }
  } catch {
    // Without the catalogue the list still works, unfiltered by category.
  }
}

function buildRow(request) {
  const row = h('tr', { 'data-request-id': request.id });
  row.append(
    h('th', { scope: 'row', 'data-label': '受理编号' }, h('span', { className: 'request-id', text: request.id || '（无编号）' })),
    h(
      'td',
      { 'data-label': '提交时间' },
      timeElement(request.requested),
      request.updated && request.updated !== request.requested
        ? h('span', { className: 'subtle' }, '更新于 ', timeElement(request.updated))
        : null,
    ),
    h(
      'td',
      { 'data-label': '类别' },
      request.serviceName || request.serviceCode || '—',
      request.serviceName && request.serviceCode ? h('span', { className: 'subtle mono', text: request.serviceCode }) : null,
    ),
    h('td', { 'data-label': '内容' }, descriptionCell(request)),
    h('td', { 'data-label': '状态' }, statusCell(request)),
    h('td', { 'data-label': '办理' }, request.id ? editor(request, row) : h('span', { className: 'subtle', text: '无受理编号，无法编辑' })),
  );
  return row;
}

function descriptionCell(request) {
  const nodes = [];
  const short = truncate(request.description, summaryLength);
  nodes.push(
    request.description
      ? h('p', { className: 'full-text', text: short })
      : h('p', { className: 'full-text subtle', text: '（无描述）' }),
  );

  const contact = request.contact;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const hasContact = Boolean(name || contact.phone || contact.email);
  const parts = [];
  if (short !== request.description) parts.push('全文');
  if (request.address || request.lat || request.long) parts.push('地点');
  if (request.attributes.length) parts.push('补充信息');
  if (request.statusNotes) parts.push('处理说明');
  if (hasContact) parts.push('联系方式');
  const photoCount = request.media.filter((value) => safeUrl(value) && isStoredPhoto(safeUrl(value))).length;
  if (photoCount) parts.push(`${photoCount} 张照片`);
  if (request.media.length > photoCount) parts.push('市民提供的链接');
  if (parts.length === 0) return nodes;

  const details = h('details', { className: 'report-details' }, h('summary', {}, `查看${parts.join('、')}`, hidden(`（${request.id}）`)));
  if (short !== request.description) details.append(h('p', { className: 'full-text', text: request.description }));
  if (request.address || request.lat || request.long) {
    const items = [];
    if (request.address) items.push(['地址', request.address]);
    if (request.lat || request.long) items.push(['坐标', `纬度 ${request.lat || '—'}，经度 ${request.long || '—'}`]);
    details.append(block('地点', items));
  }
  if (request.attributes.length) {
    details.append(block('补充信息', request.attributes.map(([code, value]) => [code, Array.isArray(value) ? value.join('、') : value])));
  }
  if (request.statusNotes) details.append(block('处理说明', [['说明', request.statusNotes]]));
  if (hasContact) {
    const items = [];
    if (name) items.push(['姓名', name]);
    if (contact.phone) {
      const dial = contact.phone.replace(/[^\d+]/g, '');
      items.push(['电话', dial ? h('a', { href: `tel:${dial}`, text: contact.phone }) : contact.phone]);
    }
    if (contact.email) {
      const mailable = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(contact.email);
      items.push(['邮箱', mailable ? h('a', { href: `mailto:${contact.email}`, text: contact.email }) : contact.email]);
    }
    details.append(block('联系方式', items));
  }
  const stored = request.media.filter((value) => safeUrl(value) && isStoredPhoto(safeUrl(value)));
  const supplied = request.media.filter((value) => !stored.includes(value));
  if (stored.length) {
    const list = h('ul', { className: 'thumbs' });
    stored.forEach((value, index) => {
      const url = safeUrl(value);
      list.append(
        h(
          'li',
          {},
          h(
            'a',
            { href: url, rel: 'noopener noreferrer', target: '_blank' },
            h('img', { src: url, alt: `照片 ${index + 1}（在新窗口打开原图）`, width: 88, height: 88, loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' }),
          ),
        ),
      );
    });
    details.append(h('div', { className: 'detail-block' }, h('h3', { text: '照片' }), list));
  }
  if (supplied.length) {
    // Sent as links by the citizen's client: never loaded by this page (a tracking pixel would
    // tell the sender who opened the report), only offered as text.
    const list = h('ul', {});
    for (const value of supplied) {
      const url = safeUrl(value);
      const item = url
        ? h('a', { href: url, rel: 'noopener noreferrer', referrerpolicy: 'no-referrer', target: '_blank', text: url })
        : h('span', { text: `${value}（链接无效）` });
      // CSSOM, which a strict CSP allows: a long URL wraps instead of overflowing the cell.
      item.style.overflowWrap = 'anywhere';
      list.append(h('li', {}, item));
    }
    details.append(
      h('div', { className: 'detail-block' }, h('h3', { text: '市民提供的链接（未加载，打开前请确认来源）' }), list),
    );
  }
  nodes.push(details);
  return nodes;
}

/** A titled block of label/value pairs. */
function block(title, items) {
  return h(
    'div',
    { className: 'detail-block' },
    h('h3', { text: title }),
    h('dl', {}, items.map(([label, value]) => [h('dt', { text: label }), h('dd', {}, value)])),
  );
}

function statusCell(request) {
  const known = Object.hasOwn(statusLabels, request.status);
  return [
    h('span', {
      className: `badge ${known ? `badge-${request.status}` : 'badge-unknown'}`,
      text: known ? statusLabels[request.status] : request.status || '未知',
    }),
    request.agency ? h('span', { className: 'subtle' }, '承办：', request.agency) : null,
    request.expected ? h('span', { className: 'subtle' }, '预计：', timeElement(request.expected)) : null,
    request.review === 'suspected-spam' ? h('span', { className: 'badge badge-unknown', text: '疑似垃圾信息' }) : null,
    h('span', {
      className: 'subtle',
      text: request.publicDescription || request.mediaPublic
        ? `已公开：${[request.publicDescription ? '说明' : '', request.mediaPublic ? '照片' : ''].filter(Boolean).join('、')}`
        : '内容未公开',
    }),
  ];
}

// ---- Editing ----------------------------------------------------------------------------------

function editor(request, row) {
  const n = ++formSequence;
  const id = (name) => `edit-${n}-${name}`;
  const field = (name, label, control, hint) =>
    h(
      'div',
      { className: 'field' },
      h('label', { for: id(name), text: label }),
      hint ? h('span', { id: id(`${name}-hint`), className: 'hint', text: hint }) : null,
      control,
    );

  const status = h(
    'select',
    { id: id('status'), name: 'status' },
    h('option', { value: 'open', text: '待处理（open）' }),
    h('option', { value: 'closed', text: '已办结（closed）' }),
  );
  status.value = request.status === 'closed' ? 'closed' : 'open';
  const notes = h('textarea', { id: id('status_notes'), name: 'status_notes', rows: 3 });
  notes.value = request.statusNotes;
  const agency = h('input', { id: id('agency_responsible'), name: 'agency_responsible', type: 'text', autocomplete: 'off' });
  agency.value = request.agency;
  const expected = h('input', {
    id: id('expected_datetime'),
    name: 'expected_datetime',
    type: 'datetime-local',
    'aria-describedby': id('expected_datetime-hint'),
  });
  expected.value = toLocalInput(request.expected);
  const publicText = h('textarea', { id: id('public_description'), name: 'public_description', rows: 3, maxlength: 4000, 'aria-describedby': id('public_description-hint') });
  publicText.value = request.publicDescription;
  const mediaPublic = h('input', { id: id('media_public'), name: 'media_public', type: 'checkbox' });
  mediaPublic.checked = request.mediaPublic;
  const spam = h('input', { id: id('review'), name: 'review', type: 'checkbox', 'aria-describedby': id('review-hint') });
  spam.checked = request.review === 'suspected-spam';
  const error = h('p', { className: 'staff-edit-error', id: id('error') });
  const submit = h('button', { type: 'submit', className: 'button' }, '保存', hidden(`（${request.id}）`));

  const form = h(
    'form',
    { className: 'staff-edit', novalidate: true, 'aria-label': `编辑 ${request.id}` },
    field('status', '状态', status),
    field('status_notes', '处理说明', notes),
    field('agency_responsible', '承办部门', agency),
    field('expected_datetime', '预计办结时间', expected, '北京时间，可留空'),
    field(
      'public_description',
      '公开的说明',
      publicText,
      '公众查询进度时只能看到这里的文字。请删去姓名、电话、门牌号等个人信息；留空则不公开任何描述。',
    ),
    h('div', { className: 'field' }, h('label', {}, mediaPublic, ' 公开照片（只公开本站保存的照片）')),
    h(
      'div',
      { className: 'field' },
      h('label', {}, spam, ' 疑似垃圾信息'),
      h('span', { id: id('review-hint'), className: 'hint', text: '勾选后不在公开列表和默认列表中显示；取消勾选即恢复。' }),
    ),
    error,
    h('div', {}, submit),
  );

  let saving = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saving) return;
    error.textContent = '';
    if (expected.validity.badInput) {
      error.textContent = '预计办结时间不完整，请填写完整的日期和时间，或清空。';
      expected.setAttribute('aria-invalid', 'true');
      expected.focus();
      return;
    }
    expected.removeAttribute('aria-invalid');
    const body = {
      status: status.value,
      status_notes: notes.value,
      agency_responsible: agency.value,
      expected_datetime: fromLocalInput(expected.value),
      public_description: publicText.value.trim() || null,
      media_public: mediaPublic.checked,
      review: spam.checked ? 'suspected-spam' : null,
    };
    saving = true;
    submit.setAttribute('aria-disabled', 'true');
    announce(`正在保存 ${request.id}…`);
    const outcome = await save(request.id, body);
    saving = false;
    submit.removeAttribute('aria-disabled');
    if (outcome.unauthorized) return;
    if (outcome.problem) {
      error.textContent = outcome.problem;
      announce(`未能更新 ${request.id}：${outcome.problem}`, { error: true });
      return;
    }
    const leftView = outcome.updated && (outcome.updated.review === 'suspected-spam') !== (ui.filter.value === 'suspected-spam');
    if (leftView) {
      // Restored from, or moved to, the suspected spam view: it no longer belongs on this page.
      await load({ quiet: true });
      ui.reportsHeading.focus();
    } else if (outcome.updated) {
      const fresh = buildRow({ ...outcome.updated, id: outcome.updated.id || request.id });
      row.replaceWith(fresh);
      const details = fresh.querySelector('details.staff-edit-details');
      if (details) details.open = true;
      fresh.querySelector('form.staff-edit button[type="submit"]')?.focus();
    } else {
      // Saved, but the answer did not include the report: reload the list instead.
      await load({ quiet: true });
    }
    announce(`已更新 ${request.id}`);
  });

  return h('details', { className: 'staff-edit-details' }, h('summary', {}, '编辑', hidden(` ${request.id}`)), form);
}

/** PATCHes one report; answers {updated}, {problem} or {unauthorized}. */
async function save(id, body) {
  let response;
  try {
    response = await fetch(requestUrl(id), {
      method: 'PATCH',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { problem: '无法连接服务器，修改未保存，请稍后重试。' };
  }
  if (response.status === 401) {
    signedOut('登录已失效或令牌不正确，修改未保存。请重新输入令牌。');
    return { unauthorized: true };
  }
  if (!response.ok) return { problem: await problemOf(response) };
  try {
    const answer = await response.json();
    const first = Array.isArray(answer) ? answer[0] : answer;
    // An error list sent with a 2xx status is still an error.
    if (isRecord(first) && !('service_request_id' in first) && typeof first.description === 'string' && 'code' in first) {
      return { problem: first.description || `服务器返回错误 ${text(first.code)}。` };
    }
    return { updated: isRecord(first) ? normalize(first) : undefined };
  } catch {
    return { updated: undefined };
  }
}

// ---- Survey call-backs -----------------------------------------------------------------------------

/** Shows the call-backs waiting (names and phones: shown only to signed-in staff, erased once handled). */
async function loadCallbacks() {
  let body;
  try {
    const response = await fetch(callbacksUrl, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return;
    body = await response.json();
  } catch {
    return;
  }
  if (!isRecord(body) || !Array.isArray(body.callbacks)) return;
  const callbacks = body.callbacks.filter(isRecord);
  ui.callbacks.hidden = false;
  if (callbacks.length === 0) {
    ui.callbackList.replaceChildren(h('p', { className: 'empty-state', text: '没有待回访的请求。' }));
    return;
  }
  const table = h(
    'table',
    { className: 'staff-table' },
    h('caption', { text: `待回访 ${callbacks.length} 条，最早的在前` }),
    h('thead', {}, h('tr', {}, ['收到时间', '评价对象', '评分', '原因和意见', '联系人', '回访'].map((label) => h('th', { scope: 'col', text: label })))),
    h('tbody', {}, callbacks.map(callbackRow)),
  );
  ui.callbackList.replaceChildren(table);
}

function callbackRow(callback) {
  const id = text(callback.id);
  const phone = text(callback.phone);
  const dial = phone.replace(/[^\d+]/g, '');
  const reasons = Array.isArray(callback.reasons) ? callback.reasons.map((reason) => reasonLabels[text(reason)] ?? text(reason)).filter(Boolean) : [];
  const done = h('button', { type: 'button', className: 'button button-secondary' }, '已回访', hidden(`（${text(callback.name)}）`));
  const row = h(
    'tr',
    {},
    h('td', { 'data-label': '收到时间' }, timeElement(text(callback.receivedAt))),
    h('td', { 'data-label': '评价对象', text: text(callback.serviceId) }),
    h('td', { 'data-label': '评分', text: `${text(callback.rating)} 分` }),
    h('td', { 'data-label': '原因和意见' }, reasons.join('、') || '—', text(callback.comment) ? h('p', { className: 'full-text', text: text(callback.comment) }) : null),
    h('td', { 'data-label': '联系人' }, text(callback.name), ' ', dial ? h('a', { href: `tel:${dial}`, text: phone }) : phone),
    h('td', { 'data-label': '回访' }, done),
  );
  done.addEventListener('click', async () => {
    done.setAttribute('aria-disabled', 'true');
    let response;
    try {
      response = await fetch(`${callbacksUrl}/${encodeURIComponent(id)}/handled`, { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    } catch {
      response = undefined;
    }
    done.removeAttribute('aria-disabled');
    if (response?.status === 401) return signedOut('登录已失效或令牌不正确，请重新输入令牌。');
    if (!response?.ok && response?.status !== 404) {
      announce('未能标记为已回访，请稍后重试。', { error: true });
      return;
    }
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    if (!next) ui.callbackList.replaceChildren(h('p', { className: 'empty-state', text: '没有待回访的请求。' }));
    announce('已标记为已回访，姓名和电话已删除。');
    (next?.querySelector('button') ?? ui.reportsHeading).focus();
  });
  return row;
}

// ---- Start ------------------------------------------------------------------------------------

void loadCategories();
if (token) {
  showReports();
  void load();
} else {
  showSignIn();
}
