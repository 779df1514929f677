import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const standaloneDir = fileURLToPath(new URL('../dist/standalone/', import.meta.url));

// Gzip -9 ceilings of the single files in dist/standalone, and of each lazy
// sibling file a package declares. They are ratchets: lower one when a file
// shrinks, never raise it. Page budgets (what a citizen's browser fetches for a
// widget from the shared folder, dist/cdn) are measured in Chromium by
// scripts/cdn-budgets.mjs. A new file needs a ceiling here, given deliberately.
const ceilings = {
  'civic-feedback.js': 29000,
  'civic-feedback-zh-Hans.js': 3400,
  'civic-feedback-zh-Hant.js': 3400,
  'civic-notice-board.js': 21000,
  'civic-notice-board-sanitizer.js': 12900,
  'civic-notice-board-zh-Hans.js': 1250,
  'civic-notice-board-zh-Hant.js': 1250,
  'civic-satisfaction-survey.js': 22300,
  'civic-satisfaction-survey-zh-Hans.js': 2000,
  'civic-satisfaction-survey-zh-Hant.js': 2000,
  'civic-service-locator.js': 20600,
  'civic-service-locator-map.js': 23200,
  'civic-service-locator-zh-Hans.js': 2000,
  'civic-service-locator-zh-Hant.js': 2000,
};

/**
 * Ceilings are in the bytes `gzip -9 FILE` writes, the figure anyone checking
 * a file by hand gets: the deflate stream plus the header that names the file
 * (RFC 1952 FNAME, the name and a NUL; `-n` would leave it out and read up to
 * 35 bytes less). Node's zlib (Chromium's fork) compresses about 3% worse;
 * without the tool it stands in, erring on the large side.
 */
function gzipBytes(file, bytes) {
  const gzip = spawnSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 1024 * 1024 });
  return gzip.status === 0 ? gzip.stdout.length : gzipSync(bytes, { level: 9 }).length + Buffer.byteLength(basename(file)) + 1;
}

export function measure(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipBytes(file, bytes),
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

export function checkSizes() {
  const files = readdirSync(standaloneDir).filter((name) => name.endsWith('.js')).sort();
  if (files.length === 0) return ['No bundles in dist/standalone; run npm run build first.'];
  const rows = [['file', 'raw', 'gzip -9', 'brotli 11', 'gzip ceiling', 'headroom']];
  const problems = [];
  for (const name of files) {
    const { raw, gzip, brotli } = measure(join(standaloneDir, name));
    const ceiling = ceilings[name];
    rows.push([name, raw, gzip, brotli, ceiling ?? 'none', ceiling === undefined ? '' : ceiling - gzip]);
    if (ceiling === undefined) problems.push(`${name} has no gzip ceiling; add one to scripts/size.mjs.`);
    else if (gzip > ceiling) problems.push(`${name} is ${gzip} gzip bytes, ${gzip - ceiling} over its ceiling of ${ceiling}.`);
  }
  printTable(rows);
  return problems;
}

export function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows) {
    console.log(row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  '));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkSizes();
  for (const problem of problems) console.error(`size: ${problem}`);
  if (problems.length > 0) process.exit(1);
}
