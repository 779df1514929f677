/**
 * Moves the focus to `element` for the reader: an outcome heading, an error
 * summary, a field. A heading or panel gets `tabindex="-1"` only for as long as
 * it has the focus (as GOV.UK does), so its focus outline does not come back
 * when the citizen later clicks on its text.
 */
export function focusProgrammatically(element: HTMLElement | null | undefined): void {
  if (!element) return;
  // tabIndex is -1 for what the keyboard does not reach: headings, panels, paragraphs.
  if (element.tabIndex < 0) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus();
}
