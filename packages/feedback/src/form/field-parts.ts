import { msg } from '@lit/localize';
import { errorMessage as coreErrorMessage } from '@civic-widgets/core';

export { describedBy, errorId, hint, hintId } from '@civic-widgets/core';

/** The core's field error, with this widget's "Error:" prefix. */
export function errorMessage(fieldId: string, message: string | undefined) {
  return coreErrorMessage(fieldId, message, msg('Error:'));
}
