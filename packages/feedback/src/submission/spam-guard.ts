/**
 * Spam guard without a puzzle CAPTCHA (which shuts out older citizens): a report
 * is never dropped on suspicion. One sent faster than a person fills a form is
 * held until `min-fill-time` has passed; one whose hidden trap field was filled
 * (bots do, and so does browsers' autofill) is sent marked for staff to review.
 */

/**
 * Our documented Open311 extension: the reference server keeps such reports out of
 * public views and the default staff queue; other Open311 servers ignore the unknown field.
 */
export const suspectedSpamField = 'civic_review';
export const suspectedSpamValue = 'suspected-spam';

/** Resolves at `time` (epoch milliseconds), at once when it has passed. */
export function holdUntil(time: number): Promise<void> {
  const wait = time - Date.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
