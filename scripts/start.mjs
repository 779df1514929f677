// `npm start`: builds the widgets (the shared folder dist/cdn) and the server, then
// runs the reference server with the demo district site on one port.
// Flags after `npm start --` go to the server (see `civic-server help`).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Whether something already listens on the port the server will ask for (the server's --port/--host, PORT/HOST). */
async function portTaken(args) {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: false, allowPositionals: true });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port <= 0) return undefined; // The server explains a bad port itself.
  const probe = createServer();
  const taken = await new Promise((resolve) => {
    probe.once('error', (error) => resolve(error.code === 'EADDRINUSE'));
    probe.listen(port, host, () => resolve(false));
  });
  await new Promise((resolve) => (probe.listening ? probe.close(resolve) : resolve()));
  return taken ? port : undefined;
}

// Say it before a minute of building, in one line a person can act on.
const taken = await portTaken(process.argv.slice(2));
if (taken !== undefined) {
  console.error(`npm start: port ${taken} is in use: stop the other program or start with npm start -- --port ${taken + 1}`);
  process.exit(2);
}

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
