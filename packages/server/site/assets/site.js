// 长者模式 / care mode for the demo district site.
//
// The switch sets `data-civic-care-mode` on <html>: the site's own CSS enlarges
// its text from that attribute, and every Civic Widget on the page follows it
// (larger text, 48px targets, high contrast). The choice is remembered in
// localStorage and applied again on every page. This module runs after the page
// is parsed, so a care-mode visitor may see the normal size for a moment.

const storageKey = 'civic-demo-care-mode';
const attribute = 'data-civic-care-mode';
const root = document.documentElement;

function stored() {
  try {
    return localStorage.getItem(storageKey) === 'on';
  } catch {
    return false; // Storage disabled: the switch still works for this page.
  }
}

function remember(on) {
  try {
    if (on) localStorage.setItem(storageKey, 'on');
    else localStorage.removeItem(storageKey);
  } catch {
    // Nothing to remember with storage disabled.
  }
}

function buttons() {
  return document.querySelectorAll('button.care-toggle');
}

function apply(on) {
  if (on) root.setAttribute(attribute, '');
  else root.removeAttribute(attribute);
  for (const button of buttons()) button.setAttribute('aria-pressed', String(on));
}

apply(stored() || root.hasAttribute(attribute));

for (const button of buttons()) {
  button.hidden = false; // Shown only once it can work.
  button.addEventListener('click', () => {
    const on = !root.hasAttribute(attribute);
    apply(on);
    remember(on);
  });
}

// Another tab changed the setting: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === storageKey || event.key === null) apply(stored());
});
