// The Preact and Solid JSX types that scripts/framework-types.mjs writes from
// the Custom Elements Manifests: TypeScript checks small .tsx files against
// them (e2e/framework-types/), with preact and solid-js as the JSX import
// source. They resolve, accept the widgets' properties and typed events, and
// reject a wrong property type, an unknown property and a wrong event (each
// such line carries @ts-expect-error, which is itself an error when nothing is
// wrong). Run `npm run build` first; `npm test` does.
//
//   node --test e2e/framework-types.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function typecheck(framework) {
  for (const name of ['feedback', 'notice-board', 'satisfaction-survey']) {
    assert.ok(existsSync(`${root}packages/${name}/dist/${framework}.d.ts`), `packages/${name}/dist/${framework}.d.ts is missing: run npm run build first.`);
  }
  const run = spawnSync(process.execPath, [tsc, '-p', `e2e/framework-types/tsconfig.${framework}.json`], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found errors in e2e/framework-types/${framework}.tsx:\n${run.stdout}${run.stderr}`);
}

test('Preact: the generated JSX types resolve, take properties and typed on<event-name> listeners, and refuse wrong ones', () => {
  typecheck('preact');
});

test('Solid: the generated JSX types resolve, take attributes, prop: and typed on: listeners, and refuse wrong ones', () => {
  typecheck('solid');
});
