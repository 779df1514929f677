import type { Localized } from '../http/locale.js';

/** The shapes of seed/*.json, also what the database keeps in its `data` columns. */
export type LocalizedList = Partial<Record<'zh-Hans' | 'en', string[]>>;

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface ServiceAttributeData {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  order: number;
  description: Localized;
  datatype_description?: Localized;
  values?: { key: string; name: Localized }[];
}

export interface ServiceData {
  service_code: string;
  group: Localized;
  service_name: Localized;
  description: Localized;
  keywords?: LocalizedList;
  agency?: Localized;
  attributes?: ServiceAttributeData[];
}

export interface NoticeAttachmentData {
  url: string;
  mime_type: string;
  title?: Localized;
  size_in_bytes?: number;
}

export interface NoticeData {
  id: string;
  title: Localized;
  summary?: Localized;
  content_html?: Localized;
  content_text?: Localized;
  tags?: LocalizedList;
  date_published: string;
  date_modified?: string | null;
  pinned?: boolean;
  expires?: string | null;
  severity?: string | null;
  url?: string | null;
  attachments?: NoticeAttachmentData[];
}

export interface ServicePointData {
  id: string;
  kind: string;
  name: Localized;
  address: Localized;
  phone?: string;
  opening_hours?: string;
  lat: number;
  long: number;
  services?: LocalizedList;
}
