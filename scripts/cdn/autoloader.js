/**
 * The shared folder's autoloader, `civic-widgets.js`: one script tag for a
 * whole site. It loads a widget's entry module when the widget's tag appears
 * in the page, now or later, also inside the open shadow roots of the page's
 * own components, and nothing for tags that are absent (after Shoelace's
 * autoloader). Closed shadow roots are out of its sight: call discover() on
 * them, or import the widget's entry directly.
 *
 * Built by scripts/cdn-build.mjs, which generates the call to autoload() with
 * one loader per widget tag found in the workspaces.
 */

/** @type {Record<string, () => Promise<unknown>>} */
let loaders = {};
const requested = new Set();
const observed = new WeakSet();
const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
  }
});

/** @param {Record<string, () => Promise<unknown>>} tagLoaders */
export function autoload(tagLoaders) {
  loaders = tagLoaders;
  discover(document);
}

/**
 * Loads the widgets used in `root` (an element, a document or a shadow root)
 * and in the open shadow roots below it, and watches it for widgets added later.
 * @param {Document | ShadowRoot | Element} root
 */
export function discover(root) {
  const container = root instanceof Element ? root.getRootNode() : root;
  watch(container instanceof Document ? container.documentElement : container);
  if (root instanceof Element) visit(root);
  for (const element of root.querySelectorAll('*')) visit(element);
}

/** @param {Element} element */
function visit(element) {
  const tag = element.localName;
  if (tag in loaders) load(tag);
  else if (tag.includes('-') && !customElements.get(tag)) {
    // The page's own component may open its shadow root when it is defined.
    customElements.whenDefined(tag).then(() => setTimeout(() => element.shadowRoot && discover(element.shadowRoot)));
  }
  if (element.shadowRoot) discover(element.shadowRoot);
}

/** @param {Node} target */
function watch(target) {
  if (!target || observed.has(target)) return;
  observed.add(target);
  observer.observe(target, { childList: true, subtree: true });
}

/** @param {string} tag */
function load(tag) {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loaders[tag]().catch((error) => {
    // Another try when the tag appears again, for example after a reconnect.
    requested.delete(tag);
    console.error(`[civic-widgets] <${tag}> could not be loaded.`, error);
  });
}
