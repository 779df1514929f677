import {
  attributeDatatypes,
  type AttributeDatatype,
  type Service,
  type ServiceAttribute,
  type ServiceRequestStatus,
  type SubmissionReceipt,
} from './open311-types.js';
import { capped, maxQuestions, maxServices, maxValuesPerList } from './limits.js';

/**
 * Everything an Open311 server sends is treated as hostile: each field is
 * checked for its type and copied, unknown fields are dropped, and anything the
 * form cannot represent faithfully is rejected with an explanation.
 */
export class Open311DataError extends Error {
  override name = 'Open311DataError';
}

type Json = Record<string, unknown>;

function asRecord(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Open311DataError(`${what} is not an object`);
  }
  return value as Json;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Open311DataError(`${what} is not a list`);
  return value;
}

/** Open311 servers differ on empty values (null, missing, ""); all become "". */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

export function parseServices(json: unknown): Service[] {
  return capped(asArray(json, 'services.json'), maxServices, 'services.json').map((entry, index) => {
    const record = asRecord(entry, `Service ${index}`);
    const code = text(record.service_code);
    if (!code) throw new Open311DataError(`Service ${index} has no service_code`);
    return {
      code,
      name: text(record.service_name) || code,
      description: text(record.description),
      metadata: flag(record.metadata),
      group: text(record.group),
    };
  });
}

export function parseServiceDefinition(json: unknown): ServiceAttribute[] {
  const definition = asRecord(json, 'The service definition');
  const attributes = capped(asArray(definition.attributes ?? [], 'attributes'), maxQuestions, 'The service definition').map((entry, index) => {
    const record = asRecord(entry, `Attribute ${index}`);
    const code = text(record.code);
    if (!code) throw new Open311DataError(`Attribute ${index} has no code`);
    const datatype = text(record.datatype);
    if (!(attributeDatatypes as readonly string[]).includes(datatype)) {
      throw new Open311DataError(`Attribute ${code} has the unknown datatype "${datatype}"`);
    }
    const values = capped(asArray(record.values ?? [], `Values of ${code}`), maxValuesPerList, `The values of ${code}`).map((value) => {
      const item = asRecord(value, `A value of ${code}`);
      return { key: text(item.key), name: text(item.name) || text(item.key) };
    });
    if (datatype.endsWith('list') && values.length === 0) {
      throw new Open311DataError(`Attribute ${code} is a list without values`);
    }
    return {
      code,
      variable: record.variable === undefined ? true : flag(record.variable),
      datatype: datatype as AttributeDatatype,
      required: flag(record.required),
      description: text(record.description) || code,
      datatypeDescription: text(record.datatype_description),
      order: Number(record.order) || 0,
      values,
    };
  });
  return attributes.sort((a, b) => a.order - b.order);
}

export function parseReceipt(json: unknown): SubmissionReceipt {
  const first = asRecord(asArray(json, 'The answer')[0], 'The answer');
  const requestId = text(first.service_request_id);
  const token = text(first.token);
  if (!requestId && !token) throw new Open311DataError('The answer has neither service_request_id nor token');
  return { ...(requestId ? { requestId } : { token }), notice: text(first.service_notice) };
}

export function parseRequestStatus(json: unknown): ServiceRequestStatus {
  const first = asRecord(asArray(json, 'The answer')[0], 'The request');
  return {
    id: text(first.service_request_id),
    status: text(first.status) === 'closed' ? 'closed' : 'open',
    statusNotes: text(first.status_notes),
    serviceName: text(first.service_name),
    agencyResponsible: text(first.agency_responsible),
    requestedAt: text(first.requested_datetime),
    updatedAt: text(first.updated_datetime),
    expectedAt: text(first.expected_datetime),
  };
}

/** The request id a token has turned into, if the server has assigned one yet. */
export function parseTokenLookup(json: unknown): string {
  const first = asRecord(asArray(json, 'The answer')[0] ?? {}, 'The token');
  return text(first.service_request_id);
}

/** The human-readable text of an Open311 error answer (`[{code, description}]`). */
export function parseErrorDescription(json: unknown): string {
  if (!Array.isArray(json)) return '';
  return json
    .map((entry) => (typeof entry === 'object' && entry !== null ? text((entry as Json).description) : ''))
    .filter(Boolean)
    .join(' ');
}
