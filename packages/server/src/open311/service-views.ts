import { localize, type ContentLocale } from '../http/locale.js';
import type { ServiceData } from '../db/seed-types.js';

/** A `services.json` entry in the spec's shape. */
export function serviceView(service: ServiceData, locale: ContentLocale) {
  return {
    service_code: service.service_code,
    service_name: localize(service.service_name, locale) ?? service.service_code,
    description: localize(service.description, locale) ?? '',
    metadata: (service.attributes?.length ?? 0) > 0,
    type: 'realtime',
    keywords: (service.keywords?.[locale] ?? service.keywords?.['zh-Hans'] ?? []).join(','),
    group: localize(service.group, locale) ?? '',
  };
}

/** A `services/{code}.json` definition in the spec's shape. */
export function serviceDefinitionView(service: ServiceData, locale: ContentLocale) {
  return {
    service_code: service.service_code,
    attributes: [...(service.attributes ?? [])]
      .sort((a, b) => a.order - b.order)
      .map((attribute) => ({
        variable: true,
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        datatype_description: localize(attribute.datatype_description, locale) ?? null,
        order: attribute.order,
        description: localize(attribute.description, locale) ?? attribute.code,
        values: (attribute.values ?? []).map((value) => ({ key: value.key, name: localize(value.name, locale) ?? value.key })),
      })),
  };
}
