/**
 * The one Trusted Types policy that every copy of Civic Widgets on a page
 * shares: the shared folder, any number of single files, and the notice
 * board's XML parsing. Each single file carries its own Lit, and Lit creates a
 * policy at start-up; a second policy of the same name throws on a page whose
 * CSP lists `trusted-types lit-html civic-widgets` without 'allow-duplicates'.
 * So our builds rewrite Lit's policy creation to this function (see
 * scripts/share-lit-policy.mjs), which creates the policy once, under the name
 * `civic-widgets` (then `lit-html` if the page allows only that), and keeps it
 * under a registry symbol for the next copy.
 *
 * The policy passes strings through, as Lit's own does: Lit gives it only the
 * static parts of its templates, the notice board only XML it never attaches.
 * A host's own Lit keeps its own `lit-html` policy alongside.
 */
const registry = Symbol.for('civic-widgets.trusted-types-policy');

export interface HtmlPolicy {
  createHTML(input: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy;
}

const policyNames = ['civic-widgets', 'lit-html'];

export function civicPolicy(trustedTypes?: TrustedTypesFactory): HtmlPolicy | undefined {
  const factory = trustedTypes ?? (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return undefined;
  const shared = globalThis as unknown as Record<symbol, HtmlPolicy | undefined>;
  if (!(registry in shared)) {
    // Not writable: a later copy cannot swap in a different policy.
    Object.defineProperty(shared, registry, { value: createFirstAllowed(factory) });
  }
  return shared[registry];
}

function createFirstAllowed(factory: TrustedTypesFactory): HtmlPolicy | undefined {
  for (const name of policyNames) {
    try {
      return factory.createPolicy(name, { createHTML: (input) => input });
    } catch {
      // The page's CSP does not list this name, or another script took it.
    }
  }
  console.error('[civic-widgets] CSP: allow trusted-types civic-widgets');
  return undefined;
}
