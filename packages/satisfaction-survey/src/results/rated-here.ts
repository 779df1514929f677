/**
 * Ratings sent from this page, by subject (a service id, or `page:/path`), so
 * that a results view of the same subject on the page shows them: the citizen
 * who just rated expects to be counted. A module-level channel, not a DOM
 * event: results views anywhere on the page (other shadow roots included)
 * hear it, and the host page's event listeners see nothing new.
 */
const channel = new EventTarget();
const eventName = 'rated';

export function announceRatedHere(subject: string): void {
  channel.dispatchEvent(new CustomEvent<string>(eventName, { detail: subject }));
}

/** Calls `listener` with the subject of each rating sent from this page; returns the unsubscribe. */
export function onRatedHere(listener: (subject: string) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<string>).detail);
  channel.addEventListener(eventName, handler);
  return () => channel.removeEventListener(eventName, handler);
}
