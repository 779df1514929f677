import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { databaseArgs } from './helpers/test-database.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('a port that is taken: one clear line naming another port, no stack trace, exit code 2', async () => {
  const other = createServer();
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const { port } = other.address();
  const dir = mkdtempSync(join(tmpdir(), 'civic-port-'));
  try {
    const child = spawn(
      process.execPath,
      [join(root, 'packages/server/dist/cli.js'), 'start', '--host', '127.0.0.1', '--port', String(port), ...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', 'port-test-staff-token-0123456789'],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `civic-server: Port ${port} is in use: stop the other program or start with --port ${port + 1}.\n`);
  } finally {
    await new Promise((resolve) => other.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm start on a taken port: the same one line before any building, exit code 2', async () => {
  const other = createServer();
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const { port } = other.address();
  try {
    const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `npm start: port ${port} is in use: stop the other program or start with npm start -- --port ${port + 1}\n`);
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});
