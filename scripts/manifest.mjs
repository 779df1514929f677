import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeApiTables } from './api-tables.mjs';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

/**
 * Widget packages: the ones that publish a `./define.js` side-effect entry.
 * (core has a src/define.ts too, but it is the registration helper, not a tag.)
 */
export function widgetPackages() {
  return readdirSync(packagesDir)
    .map((name) => ({ name, dir: join(packagesDir, name) }))
    .filter(({ dir }) => {
      if (!existsSync(join(dir, 'src', 'define.ts'))) return false;
      return Boolean(readPackageJson(dir).exports?.['./define.js']);
    });
}

function readPackageJson(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

// Generated catalogs are string tables and tests or stories describe no API.
const ignored = /(^|\/)generated\/|\.(test|spec|stories|d)\.ts$/;

function sourceModules(dir) {
  return readdirSync(join(dir, 'src'), { recursive: true })
    .map((file) => `src/${file.split(sep).join('/')}`)
    .filter((file) => file.endsWith('.ts') && !ignored.test(file.slice('src/'.length)))
    .sort()
    .map((file) => ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true));
}

/**
 * Widgets register through core's defineCivicElement() (version-aware), which
 * the analyzer does not know; without this the manifest would have no tag names.
 */
function defineCivicElementPlugin() {
  return {
    name: 'civic - defineCivicElement() calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineCivicElement') return;
      const [tag, elementClass] = node.arguments;
      if (!tag || !ts.isStringLiteralLike(tag) || !elementClass || !ts.isIdentifier(elementClass)) return;
      const className = elementClass.getText();
      const imported = moduleImports(ts, node.getSourceFile()).get(className);
      const declaration = imported
        ? { name: className, module: new URL(imported, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts') }
        : { name: className, module: moduleDoc.path };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration }];
    },
  };
}

function moduleImports(ts, sourceFile) {
  const imports = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) imports.set(element.name.text, specifier);
    }
  }
  return imports;
}

/**
 * Members inherited from another workspace package (CivicElement's `lang` and
 * `care-mode`) are attributed to that package, not to a path outside this one.
 */
function workspaceInheritancePlugin(dependencies) {
  const packageOfClass = new Map();
  for (const { packageName, manifest } of dependencies) {
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) packageOfClass.set(declaration.name, packageName);
    }
  }
  return {
    name: 'civic - workspace inheritance',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const kind of ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
            for (const item of declaration[kind] ?? []) {
              const packageName = item.inheritedFrom && packageOfClass.get(item.inheritedFrom.name);
              if (packageName) item.inheritedFrom = { name: item.inheritedFrom.name, package: packageName };
            }
          }
        }
      }
    },
  };
}

/**
 * For `dispatchEvent(new CivicFeedbackErrorEvent(status, message))` the
 * analyzer takes the first constructor argument for the event name. Events of
 * a class that an @fires tag documents are described by that tag instead.
 */
function typedEventsPlugin() {
  return {
    name: 'civic - typed events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          const documented = new Set(declaration.events.filter((event) => event.description).map((event) => event.type?.text));
          declaration.events = declaration.events.filter(
            (event) => event.name && (event.description || !documented.has(event.type?.text)),
          );
        }
      }
    },
  };
}

function analyze(dir, { plugins = [], thirdPartyCEMs = [] } = {}) {
  return create({
    modules: sourceModules(dir),
    plugins: [...litPlugin(), ...plugins],
    context: { dev: false, thirdPartyCEMs },
  });
}

/** The manifests of this package's workspace dependencies, for inherited API. */
function workspaceDependencies(dir) {
  const dependencies = Object.keys(readPackageJson(dir).dependencies ?? {});
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((depDir) => existsSync(join(depDir, 'src')) && dependencies.includes(readPackageJson(depDir).name))
    .map((depDir) => ({ packageName: readPackageJson(depDir).name, manifest: analyze(depDir) }));
}

export function writeManifest(dir) {
  const dependencies = workspaceDependencies(dir);
  const manifest = analyze(dir, {
    plugins: [defineCivicElementPlugin(), typedEventsPlugin(), workspaceInheritancePlugin(dependencies)],
    thirdPartyCEMs: dependencies.map(({ manifest }) => manifest),
  });
  const file = join(dir, 'custom-elements.json');
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
  if (tags.length === 0) throw new Error(`${relative(process.cwd(), file)} describes no custom element.`);
  console.log(`manifest: ${relative(process.cwd(), file)} (${tags.map((d) => `<${d.tagName}>`).join(', ')})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { dir } of widgetPackages()) writeManifest(dir);
  writeApiTables();
}
