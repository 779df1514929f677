import type { OutboxRequest } from '@civic-widgets/core';
import type { PreparedPhoto } from '../photos/downscale-photo.js';
import { answerTo, emptyValues, type FeedbackValues } from './feedback-values.js';

const attributeName = /^attribute\[(.+?)\](\[\])?$/;
// Sent as "2026-11-26T09:30:00+08:00"; a datetime-local input takes "2026-11-26T09:30".
const sentDatetime = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The form as the citizen filled it in, rebuilt from a report that was kept on
 * the device and then refused: nothing they typed or photographed is lost.
 * Consent is not given back: it must be given again. A report from an earlier
 * visit may not be this person's (a shared computer): then contact details and
 * position stay out (`personal: false`).
 */
export async function valuesFromRequest(
  request: OutboxRequest,
  { personal }: { personal: boolean },
): Promise<{ values: FeedbackValues; photos: PreparedPhoto[] }> {
  const entries =
    request.body.kind === 'multipart'
      ? request.body.parts
      : [...new URLSearchParams(request.body.kind === 'urlencoded' ? request.body.text : '')].map(([name, value]): [string, string] => [name, value]);
  const values = emptyValues();
  const photos: PreparedPhoto[] = [];
  let latitude: number | undefined;
  let longitude: number | undefined;
  for (const [name, value, filename] of entries) {
    if (typeof value !== 'string') {
      // A stored photo that no longer decodes (evicted, corrupt, no memory) is left out; the text still comes back.
      const bitmap = name === 'media' ? await createImageBitmap(value).catch(() => undefined) : undefined;
      if (bitmap) photos.push({ blob: value, name: filename ?? 'photo.jpg', bitmap });
      continue;
    }
    const attribute = attributeName.exec(name);
    if (attribute) {
      const code = attribute[1]!;
      const answer = sentDatetime.exec(value)?.[1] ?? value;
      const earlier = answerTo(values, code);
      // A computed key makes an own property even for a code like "__proto__".
      values.attributes = { ...values.attributes, [code]: attribute[2] ? [...(Array.isArray(earlier) ? earlier : []), answer] : answer };
      continue;
    }
    if (name === 'service_code') values.serviceCode = value;
    else if (name === 'description') values.description = value;
    else if (name === 'address_string') values.address = value;
    else if (!personal) continue;
    else if (name === 'first_name') values.name = value;
    else if (name === 'phone') values.phone = value;
    else if (name === 'email') values.email = value;
    else if (name === 'lat') latitude = Number(value);
    else if (name === 'long') longitude = Number(value);
  }
  if (Number.isFinite(latitude) && Number.isFinite(longitude)) values.position = { latitude: latitude!, longitude: longitude! };
  return { values, photos };
}
