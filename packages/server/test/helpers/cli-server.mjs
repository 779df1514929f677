// The real server as a citizen's browser meets it: `civic-server start` in a
// child process, on a port that stays the same across restarts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';
import { databaseArgs } from './test-database.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');

export { freePort };

/**
 * A server with its own temporary data folder, the demo site and the built
 * bundles. `start()` (again) runs it on the same port and database, `stop()`
 * ends it with a signal, `remove()` deletes the data.
 */
export async function cliServer({ staffToken = 'e2e-staff-token-0123456789', flags = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-server-e2e-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child;
  const args = [
    cli,
    'start',
    '--port',
    String(port),
    ...(await databaseArgs(dir)),
    '--media-dir',
    join(dir, 'media'),
    '--staff-token',
    staffToken,
    '--site-dir',
    join(root, 'packages/server/site'),
    '--cdn-dir',
    join(root, 'dist/cdn'),
    ...flags,
  ];
  return {
    origin,
    dir,
    staffToken,
    async start() {
      child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('reference server')) resolve();
        });
        exited.then((code) => reject(new Error(`civic-server exited with ${code} before listening:\n${output}`)));
      });
      return child;
    },
    async stop(signal = 'SIGTERM') {
      if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
      const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
      child.kill(signal);
      return exited;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
