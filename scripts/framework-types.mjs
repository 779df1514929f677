// Writes each widget package's framework types from its Custom Elements
// Manifest, so they cannot drift from the code: dist/react.d.ts (React 19's
// JSX.IntrinsicElements, with properties and `on<event-name>` listeners),
// dist/preact.d.ts (Preact's, spelt as React 19's), dist/solid.d.ts (Solid's,
// with attribute names, `prop:` and `on:`) and dist/vue.d.ts (Vue 3's
// GlobalComponents). A host opts in with
// `import type {} from '@civic-widgets/feedback/react'` (or `/preact`, `/solid`, `/vue`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const header = '// Written by scripts/framework-types.mjs from custom-elements.json; do not edit.\n';

/** The custom elements a manifest describes, with their public settable fields and their events. */
function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => ({
        tag: declaration.tagName,
        className: declaration.name,
        module: `./${module.path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`,
        description: declaration.summary ?? declaration.description ?? '',
        fields: (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.static && !member.readonly && !['private', 'protected'].includes(member.privacy))
          .map((member) => ({ name: member.name, attribute: member.attribute, description: member.description ?? '' })),
        events: (declaration.events ?? []).filter((event) => event.name).map((event) => ({ name: event.name, type: event.type?.text, description: event.description ?? '' })),
      })),
  );
}

const comment = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
/** An event's type: its class when the manifest names one the package exports, else a plain Event. */
const eventType = (event, exported) => (event.type && exported.has(event.type) ? event.type : 'Event');
const camel = (name) => name.replace(/(^|-)([a-z])/g, (_, _dash, letter) => letter.toUpperCase());

function imports(elements, exported) {
  const classes = elements.map(({ className, module }) => `import type { ${className} } from '${module}';`);
  const events = [...new Set(elements.flatMap(({ events }) => events.map((event) => eventType(event, exported))))].filter((type) => type !== 'Event');
  return [...classes, ...(events.length > 0 ? [`import type { ${events.sort().join(', ')} } from './index.js';`] : [])].join('\n');
}

function propsType(element, exported, listenerName) {
  const fields = element.fields.map((field) => `${comment(field.description, '  ')}  ${field.name}?: ${element.className}['${field.name}'];`);
  const events = element.events.map(
    (event) => `${comment(event.description, '  ')}  ${JSON.stringify(listenerName(event.name))}?: (event: ${eventType(event, exported)}) => void;`,
  );
  return `{\n${[...fields, ...events].join('\n')}\n}`;
}

/**
 * A JSX module's `IntrinsicElements` for the tags: `props(element)` is the
 * type of the widget's own props, `attributes(className)` the framework's
 * type for an element's HTML attributes.
 */
function jsxTypes(elements, exported, { framework, intro, module, importLine, attributes, props }) {
  const types = elements.map((element) => `${comment(element.description, '')}export type ${element.className}${framework}Props = ${props(element)};`);
  const intrinsic = elements.map((element) => `      ${JSON.stringify(element.tag)}: ${attributes(element.className)} & ${element.className}${framework}Props;`);
  return `${header}${intro}
${importLine}
${imports(elements, exported)}

${types.join('\n\n')}

declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic.join('\n')}
    }
  }
}
`;
}

const reactTypes = (elements, exported) =>
  jsxTypes(elements, exported, {
    framework: 'React',
    intro: `// React 19 sets a custom element's properties (objects too) when the element is
// defined before it renders, and listens to \`on<event-name>\` exactly as written.`,
    module: 'react',
    importLine: "import type * as React from 'react';",
    attributes: (className) => `React.DetailedHTMLProps<React.HTMLAttributes<${className}>, ${className}>`,
    props: (element) => propsType(element, exported, (name) => `on${name}`),
  });

const preactTypes = (elements, exported) =>
  jsxTypes(elements, exported, {
    framework: 'Preact',
    intro: `// Preact, like React 19, sets a custom element's properties when the element
// has them, and listens to \`on<event-name>\` exactly as written.`,
    module: 'preact',
    importLine: "import type { HTMLAttributes } from 'preact';",
    attributes: (className) => `HTMLAttributes<${className}>`,
    props: (element) => propsType(element, exported, (name) => `on${name}`),
  });

/**
 * Solid sets what is written on a custom element as a property, turning the
 * attribute's name into the property's (`service-id` sets `serviceId`; a
 * camelCase name would be lower-cased first, so it is not offered), or exactly
 * as named with `prop:`; `on:<event-name>` listens to the event as named.
 */
function solidProps(element, exported) {
  const fields = element.fields.flatMap((field) => [
    ...(field.attribute ? [`${comment(field.description, '  ')}  ${JSON.stringify(field.attribute)}?: ${element.className}['${field.name}'];`] : []),
    `${comment(field.description, '  ')}  ${JSON.stringify(`prop:${field.name}`)}?: ${element.className}['${field.name}'];`,
  ]);
  const events = element.events.map(
    (event) => `${comment(event.description, '  ')}  ${JSON.stringify(`on:${event.name}`)}?: (event: ${eventType(event, exported)}) => void;`,
  );
  return `{\n${[...fields, ...events].join('\n')}\n}`;
}

const solidTypes = (elements, exported) =>
  jsxTypes(elements, exported, {
    framework: 'Solid',
    intro: `// Solid: attributes by their names (set as the properties they name), \`prop:\`
// for a property by its own name, \`on:<event-name>\` for the widget's events.`,
    module: 'solid-js',
    importLine: "import type { JSX } from 'solid-js';",
    attributes: (className) => `JSX.HTMLAttributes<${className}>`,
    props: (element) => solidProps(element, exported),
  });

function vueTypes(elements, exported) {
  const props = elements.map(
    (element) => `${comment(element.description, '')}export type ${element.className}VueProps = ${propsType(element, exported, (name) => `on${camel(name)}`)};`,
  );
  const components = elements.map((element) => `    ${JSON.stringify(element.tag)}: DefineComponent<${element.className}VueProps>;`);
  return `${header}// Vue 3: tell the compiler these tags are custom elements (isCustomElement:
// tag => tag.startsWith('civic-')); @civic-feedback-submit listens to the event.
import type { DefineComponent } from 'vue';
${imports(elements, exported)}

${props.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${components.join('\n')}
  }
}
`;
}

/** Names a package's main entry exports (`export { A, B } from …` and `export class A`). */
function exportedNames(dir) {
  const index = join(dir, 'src', 'index.ts');
  if (!existsSync(index)) return new Set();
  const source = readFileSync(index, 'utf8');
  const names = new Set();
  for (const [, list] of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of list.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/** Writes dist/react.d.ts, dist/preact.d.ts, dist/solid.d.ts and dist/vue.d.ts; returns problems with the package's exports map. */
export function writeFrameworkTypes(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(dir, pkg.customElements), 'utf8'));
  const elements = elementsOf(manifest);
  const exported = exportedNames(dir);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'react.d.ts'), reactTypes(elements, exported));
  writeFileSync(join(dir, 'dist', 'preact.d.ts'), preactTypes(elements, exported));
  writeFileSync(join(dir, 'dist', 'solid.d.ts'), solidTypes(elements, exported));
  writeFileSync(join(dir, 'dist', 'vue.d.ts'), vueTypes(elements, exported));
  const problems = [];
  for (const name of ['react', 'preact', 'solid', 'vue']) {
    if (pkg.exports?.[`./${name}`]?.types !== `./dist/${name}.d.ts`) {
      problems.push(`${relative(process.cwd(), join(dir, 'package.json'))}: add "./${name}": { "types": "./dist/${name}.d.ts" } to "exports" so hosts can import the ${name} types.`);
    }
  }
  return problems;
}
