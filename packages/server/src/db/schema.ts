import type { Generated } from 'kysely';

/**
 * The tables as both engines hold them. Dates are ISO 8601 text (UTC, fixed
 * width, so they sort as text), JSON is text, booleans are 0/1: one shape on
 * SQLite and PostgreSQL, so that every query is written once.
 */
export interface Tables {
  services: { service_code: string; position: number; data: string };
  service_requests: {
    id: Generated<number>;
    service_request_id: string;
    service_code: string;
    status: Generated<'open' | 'closed'>;
    status_notes: string | null;
    agency_responsible: string | null;
    service_notice: string | null;
    description: string | null;
    address_string: string | null;
    address_id: string | null;
    lat: number | null;
    long: number | null;
    first_name: string | null;
    last_name: string | null;
    phone: string | null;
    email: string | null;
    device_id: string | null;
    account_id: string | null;
    jurisdiction_id: string | null;
    attributes: Generated<string>;
    media_urls: Generated<string>;
    requested_datetime: string;
    updated_datetime: string;
    expected_datetime: string | null;
    public_description: string | null;
    media_public: Generated<number>;
    review: 'suspected-spam' | null;
    closed_datetime: string | null;
    anonymized_datetime: string | null;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    state: 'pending' | 'done';
    status: number | null;
    body: string | null;
    created_at: number;
    attempt: string | null;
    fingerprint: string | null;
  };
  survey_responses: {
    id: Generated<number>;
    service_id: string;
    scale: string;
    rating: number;
    reasons: Generated<string>;
    comment: string | null;
    callback_name: string | null;
    callback_phone: string | null;
    page_url: string | null;
    locale: string | null;
    submitted_at: string | null;
    received_at: string;
    callback_handled_at: string | null;
  };
  notices: { id: string; data: string; date_published: string; date_modified: string | null };
  service_points: { id: string; kind: string; lat: number; long: number; data: string };
  meta: { key: string; value: string };
}

/** The tables a copy to another database carries, parents before children. */
export const tableNames = ['meta', 'services', 'service_requests', 'idempotency_keys', 'survey_responses', 'notices', 'service_points'] as const;
