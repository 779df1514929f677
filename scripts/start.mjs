// `npm start`: builds the widgets (the shared folder dist/cdn) and the server, then
// runs the reference server with the demo district site on one port.
// Flags after `npm start --` go to the server (see `civic-server help`).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  process.execPath,
  [
    'packages/server/dist/cli.js',
    'start',
    '--site-dir',
    'packages/server/site',
    '--cdn-dir',
    'dist/cdn',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
// The server shuts down gracefully on these; pass them on rather than dying first.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
