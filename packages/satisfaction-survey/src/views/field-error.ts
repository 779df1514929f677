import { msg } from '@lit/localize';
import { errorMessage } from '@civic-widgets/core';

/** A field's error message, with the survey's visually hidden "Error:" prefix (see the core's field parts). */
export function fieldError(fieldId: string, message: string | undefined) {
  return errorMessage(fieldId, message, msg('Error:'));
}
