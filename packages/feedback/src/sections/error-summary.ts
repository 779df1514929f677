import { msg } from '@lit/localize';
import { errorSummary as coreErrorSummary, refusalNotice as coreRefusalNotice, type FieldError, type LocalizedText } from '@civic-widgets/core';

/** The core's error summary with this widget's words. */
export function errorSummary(errors: FieldError[], onFocusField: (event: Event, fieldId: string) => void, level: number) {
  return coreErrorSummary(msg('There is a problem'), errors, onFocusField, level);
}

/** The server refused the report (4xx): its own reason, and reassurance that nothing typed is lost. */
export function refusalNotice(reason: LocalizedText | undefined, level: number) {
  return coreRefusalNotice(
    { heading: msg('Your message was not accepted'), reassurance: msg('Everything you entered is still here: correct it and send again.') },
    reason,
    level,
  );
}
