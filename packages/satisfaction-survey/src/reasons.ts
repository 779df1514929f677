import { msg } from '@lit/localize';

/** The 好差评 indicators a low rating can point at (GB/T 39734-2020), as the server's `reasons` codes. */
export const reasons = [
  { code: 'efficiency', label: () => msg('How quickly it was handled') },
  { code: 'guide-accuracy', label: () => msg('How accurate the service guide was') },
  { code: 'convenience', label: () => msg('How easy it was to get done') },
  { code: 'usability', label: () => msg('How easy the website was to use') },
  { code: 'attitude', label: () => msg('How staff treated me') },
  { code: 'other', label: () => msg('Something else') },
] as const;

export type ReasonCode = (typeof reasons)[number]['code'];
