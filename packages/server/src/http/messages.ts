import type { ContentLocale } from './locale.js';

/** What the server says to citizens. `{0}`, `{1}` are filled in by `refusal()`. */
export const messages = {
  unknownService: { 'zh-Hans': '没有编号为“{0}”的诉求类别。', en: 'There is no category with the code "{0}".' },
  badApiKey: { 'zh-Hans': '接口密钥（api_key）缺失或无效。', en: 'The api_key is missing or not valid.' },
  locationPair: {
    'zh-Hans': '位置需要同时提供纬度和经度，并且在有效范围内。',
    en: 'A location needs both lat and long, each within range.',
  },
  tooLong: { 'zh-Hans': '“{0}”最多 {1} 个字。', en: '"{0}" can be at most {1} characters long.' },
  badEmail: { 'zh-Hans': '电子邮箱地址格式不正确。', en: 'The email address is not valid.' },
  badPhone: { 'zh-Hans': '电话号码只能包含数字、空格和 + - ( )。', en: 'The phone number may only contain digits, spaces and + - ( ).' },
  badUrl: { 'zh-Hans': '“{0}”必须是 http 或 https 网址。', en: '"{0}" must be an http or https URL.' },
  badAttachmentUrl: {
    'zh-Hans': '“{0}”必须是 http 或 https 网址，或以 /files/ 开头的路径。',
    en: '"{0}" must be an http or https URL, or a path starting with /files/.',
  },
  attributeRequired: { 'zh-Hans': '请回答“{0}”。', en: 'Please answer "{0}".' },
  attributeNumber: { 'zh-Hans': '“{0}”需要填写数字。', en: '"{0}" needs a number.' },
  attributeDate: { 'zh-Hans': '“{0}”需要填写有效的日期和时间。', en: '"{0}" needs a valid date and time.' },
  attributeChoice: { 'zh-Hans': '“{0}”的选项无效。', en: 'That is not one of the choices for "{0}".' },
  attributeUnknown: { 'zh-Hans': '该类别没有“{0}”这个问题。', en: 'This category has no question "{0}".' },
  tooManyPhotos: { 'zh-Hans': '最多可上传 {0} 张照片。', en: 'At most {0} photos can be sent.' },
  notAnImage: {
    'zh-Hans': '照片必须是 JPEG、PNG 或 WebP 格式的图片。',
    en: 'Photos must be JPEG, PNG or WebP images.',
  },
  requestNotFound: { 'zh-Hans': '找不到编号为“{0}”的诉求。', en: 'No request has the number "{0}".' },
  inProgress: {
    'zh-Hans': '这次提交仍在处理中，请稍后再试。',
    en: 'This submission is still being processed; try again shortly.',
  },
  badIdempotencyKey: {
    'zh-Hans': 'Idempotency-Key 请求头无效。',
    en: 'The Idempotency-Key header is not valid.',
  },
  rateLimited: {
    'zh-Hans': '提交太频繁，请 {0} 秒后再试。',
    en: 'Too many submissions; try again in {0} seconds.',
  },
  tooManyReads: {
    'zh-Hans': '查询太频繁，请 {0} 秒后再试。',
    en: 'Too many requests; try again in {0} seconds.',
  },
  photoBudget: {
    'zh-Hans': '短时间内上传的照片太多，请 {0} 秒后再试，或先不带照片提交。',
    en: 'Too many photos sent in a short time; try again in {0} seconds, or send the report without photos.',
  },
  staffLockedOut: {
    'zh-Hans': '令牌错误次数过多，请 {0} 秒后再试。',
    en: 'Too many wrong tokens; try again in {0} seconds.',
  },
  busy: {
    'zh-Hans': '服务器正忙，请 {0} 秒后再试。',
    en: 'The server is busy; try again in {0} seconds.',
  },
  unexpectedFile: {
    'zh-Hans': '不接受名为“{0}”的文件，照片请以“media”提交。',
    en: 'A file named "{0}" is not accepted; send photos as "media".',
  },
  callbackNotFound: { 'zh-Hans': '没有编号为“{0}”的待回访请求。', en: 'No call-back waits under the id "{0}".' },
  invalidValue: { 'zh-Hans': '“{0}”的值无效。', en: 'The value of "{0}" is not valid.' },
  missingValue: { 'zh-Hans': '缺少“{0}”。', en: '"{0}" is missing.' },
  serviceNotice: {
    'zh-Hans': '已收到您的诉求，工作人员将在 3 个工作日内答复。请保存好受理编号，以便查询办理进度。',
    en: 'We have received your request and will reply within 3 working days. Keep the tracking number to check progress.',
  },
  staffToken: {
    'zh-Hans': '需要有效的工作人员令牌（Authorization: Bearer …）。',
    en: 'A valid staff token is needed (Authorization: Bearer …).',
  },
  tooLarge: { 'zh-Hans': '提交的内容太大。', en: 'The submission is too large.' },
  malformedBody: {
    'zh-Hans': '提交的内容不完整或格式不正确，请重新提交。',
    en: 'The submission was incomplete or malformed; please send it again.',
  },
  keyReused: {
    'zh-Hans': '这个 Idempotency-Key 已用于另一项不同的提交。',
    en: 'This Idempotency-Key was already used for a different submission.',
  },
  photoTooLarge: {
    'zh-Hans': '照片像素过多（最多 {0} 万像素），请缩小后再上传。',
    en: 'A photo has too many pixels (at most {1} megapixels); please send a smaller one.',
  },
  // Surveys, notices and service points.
  unknownField: { 'zh-Hans': '不接受“{0}”字段。', en: 'The field "{0}" is not accepted.' },
  ratingRange: {
    'zh-Hans': '“{0}”量表的评分必须是 {1} 到 {2} 之间的整数。',
    en: 'On the "{0}" scale the rating must be a whole number from {1} to {2}.',
  },
  noticeNotFound: { 'zh-Hans': '找不到编号为“{0}”的通知。', en: 'No notice has the id "{0}".' },
  noticeExists: { 'zh-Hans': '编号为“{0}”的通知已经存在。', en: 'A notice with the id "{0}" already exists.' },
  unknownKind: {
    'zh-Hans': '没有“{0}”这类服务点。可选类型：{1}。',
    en: 'There is no kind of service point called "{0}". Known kinds: {1}.',
  },
} satisfies Record<string, Record<ContentLocale, string>>;

export type MessageId = keyof typeof messages;
