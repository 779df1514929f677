/**
 * The custom elements manifest is generated (`npm run manifest`) and ignored by
 * git, so `npm run typecheck` on a fresh checkout runs before it exists. This
 * declaration types the import either way (TypeScript prefers it to the file),
 * with the part of the schema that the stories read.
 */
declare module '@civic-widgets/feedback/custom-elements.json' {
  export interface ManifestType {
    text: string;
  }
  export interface ManifestMember {
    kind: 'field' | 'method';
    name: string;
    privacy?: 'public' | 'private' | 'protected';
    static?: boolean;
    attribute?: string;
    type?: ManifestType;
    description?: string;
  }
  export interface ManifestAttribute {
    name: string;
    fieldName?: string;
    type?: ManifestType;
    default?: string;
    description?: string;
  }
  export interface ManifestNamed {
    name: string;
    description?: string;
  }
  export interface ManifestDeclaration {
    kind: string;
    name: string;
    tagName?: string;
    members?: ManifestMember[];
    attributes?: ManifestAttribute[];
    events?: ManifestNamed[];
    cssProperties?: ManifestNamed[];
    cssParts?: ManifestNamed[];
  }
  export interface CustomElementsManifest {
    schemaVersion: string;
    modules: Array<{ kind: string; path: string; declarations?: ManifestDeclaration[] }>;
  }
  const manifest: CustomElementsManifest;
  export default manifest;
}

declare module '@civic-widgets/satisfaction-survey/custom-elements.json' {
  import type { CustomElementsManifest } from '@civic-widgets/feedback/custom-elements.json';
  const manifest: CustomElementsManifest;
  export default manifest;
}

declare module '@civic-widgets/notice-board/custom-elements.json' {
  import type { CustomElementsManifest } from '@civic-widgets/feedback/custom-elements.json';
  const manifest: CustomElementsManifest;
  export default manifest;
}

declare module '@civic-widgets/service-locator/custom-elements.json' {
  import type { CustomElementsManifest } from '@civic-widgets/feedback/custom-elements.json';
  const manifest: CustomElementsManifest;
  export default manifest;
}
