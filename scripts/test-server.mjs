// The server test suite (node --test) on both storage engines: once on SQLite,
// once on a throwaway PostgreSQL cluster (each test's server with a database of
// its own). Without PostgreSQL's binaries the second run is skipped with one
// line saying so. Prints the counts per engine and exits non-zero if any failed.
//
//   node scripts/test-server.mjs [test files…]   (default: packages/server/test/*.test.mjs)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { postgresBinaries, startPostgresCluster } from '../packages/server/test/helpers/postgres-cluster.mjs';

const testDir = 'packages/server/test';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(new URL(`../${testDir}/`, import.meta.url))
      .filter((name) => name.endsWith('.test.mjs'))
      .sort()
      .map((name) => `${testDir}/${name}`);

/** Runs the suite with `env` added; its TAP output passes through, its totals are read from it. */
function runSuite(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=tap', ...files], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
      resolve({ code, passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') });
    });
  });
}

const results = [];
results.push(['SQLite', await runSuite({ CIVIC_TEST_POSTGRES_URL: '' })]);
if (postgresBinaries()) {
  const cluster = await startPostgresCluster();
  try {
    results.push(['PostgreSQL', await runSuite({ CIVIC_TEST_POSTGRES_URL: cluster.adminUrl })]);
  } finally {
    cluster.stop();
  }
} else {
  console.log('PostgreSQL server tests not run: no initdb and pg_ctl found (apt-get install postgresql).');
}

console.log('\nserver tests by storage engine:');
for (const [engine, { passed, failed, skipped }] of results) console.log(`  ${engine.padEnd(11)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const passed = results.reduce((sum, [, result]) => sum + result.passed, 0);
const failed = results.reduce((sum, [, result]) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = results.some(([, result]) => result.code !== 0) || failed > 0 ? 1 : 0;
