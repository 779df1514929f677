import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'node_modules', '@lit', 'localize-tools', 'bin', 'lit-localize.js');
const commands = new Set(['extract', 'build']);

const command = process.argv[2];
if (!commands.has(command)) {
  console.error('Usage: node scripts/localize.mjs extract|build');
  process.exit(2);
}

const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'lit-localize.json')),
);

for (const name of packages) {
  console.log(`localize ${command}: packages/${name}`);
  // lit-localize resolves tsConfig, outputDir and xliffDir against the working
  // directory, so each package runs from its own folder.
  const { status } = spawnSync(process.execPath, [cli, command], {
    cwd: join(root, 'packages', name),
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
