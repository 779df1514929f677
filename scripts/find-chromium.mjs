import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
];

// Flags for headless runs inside containers and CI: no sandbox (often running as
// root), no GPU, /tmp instead of a small /dev/shm, and no background traffic that
// would make network-sensitive tests flaky.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** The first Chromium or Chrome binary that exists and is executable, else undefined. */
export function findChromium() {
  return candidates.find((path) => path && isExecutable(path));
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = findChromium();
  if (path) {
    console.log(path);
  } else {
    console.error(
      'Chromium was not found. Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH to a Chromium or Chrome binary).',
    );
    process.exit(1);
  }
}
