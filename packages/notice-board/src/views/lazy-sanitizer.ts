type Sanitizer = typeof import('../feeds/sanitize-html.js');

let sanitizer: Sanitizer | undefined;
let loading: Promise<void> | undefined;

/**
 * DOMPurify is more than half of the notice board and many feeds carry no
 * HTML, so it is loaded when a notice with HTML is first shown: a chunk of its
 * own in the shared folder, a file of its own next to the single file too. Returns it once loaded;
 * until then starts loading it and calls `onReady` when it is in (the board
 * renders again). If it cannot be loaded, the console gets one error and HTML
 * notices keep showing their plain text, if the feed has one.
 */
export function loadedSanitizer(onReady: () => void): Sanitizer | undefined {
  loading ??= import('../feeds/sanitize-html.js').then(
    (module) => void (sanitizer = module),
    (error: unknown) => console.error('[civic-widgets] HTML sanitizer not loaded.', error),
  );
  if (!sanitizer) void loading.then(() => sanitizer && onReady());
  return sanitizer;
}
