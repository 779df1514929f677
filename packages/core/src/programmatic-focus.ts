/** Elements that take the focus by themselves; everything else needs `tabindex="-1"` to be focused from the script. */
const interactive = 'a[href], button, input, select, textarea, summary, [contenteditable], [tabindex]:not([tabindex="-1"])';

/**
 * Elements that hold `tabindex="-1"` only because the script focused them. Others
 * keep theirs: a panel that takes a pointer press's focus must go on taking it.
 */
const lent = new WeakSet<HTMLElement>();

/**
 * Moves the focus to `element` for the reader: an outcome heading, an error
 * summary, a field. A heading or panel gets `tabindex="-1"` for the moment and
 * gives it up when the focus leaves (as GOV.UK does), so its focus outline does
 * not come back when the citizen later clicks on its text.
 */
export function focusProgrammatically(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (!element.matches(interactive)) {
    element.setAttribute('tabindex', '-1');
    lent.add(element);
  }
  element.focus();
}

/**
 * For a widget's shadow root: a non-interactive element that had the focus from
 * the script loses `tabindex="-1"` when the focus leaves it, so a later click on
 * it focuses nothing and shows no outline.
 */
export function releaseFocusOnLeave(root: ShadowRoot): void {
  root.addEventListener('focusout', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && lent.has(target)) {
      lent.delete(target);
      target.removeAttribute('tabindex');
    }
  });
}
