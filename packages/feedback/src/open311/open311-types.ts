/** Open311 GeoReport v2 shapes, as far as this widget uses them. */

export interface Service {
  code: string;
  name: string;
  description: string;
  /** True when the service has extra questions (a service definition). */
  metadata: boolean;
  /** 12345-style request type: 咨询, 求助, 投诉, 建议, 表扬, or any grouping the server uses. */
  group: string;
}

export const attributeDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof attributeDatatypes)[number];

export interface AttributeValue {
  key: string;
  name: string;
}

export interface ServiceAttribute {
  code: string;
  /** False for an informational note that the citizen does not answer. */
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  /** The question shown as the field's label. */
  description: string;
  /** Extra guidance shown as the field's hint. */
  datatypeDescription: string;
  order: number;
  values: AttributeValue[];
}

export interface ServiceRequestStatus {
  id: string;
  status: 'open' | 'closed';
  statusNotes: string;
  serviceName: string;
  agencyResponsible: string;
  requestedAt: string;
  updatedAt: string;
  expectedAt: string;
}

/** The answer to a successful POST requests.json: an id now, or a token to exchange for one later. */
export interface SubmissionReceipt {
  requestId?: string;
  token?: string;
  notice: string;
}
