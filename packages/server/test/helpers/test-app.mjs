// A server for one test file: its own temporary database (SQLite or PostgreSQL) and media folder,
// driven with Fastify's inject() or listening on a free port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/config.js';
import { databaseFlags } from './test-database.mjs';

export const staffToken = 'test-staff-token-0123456789';

/** Flags as on the command line, e.g. { 'rate-limit': '3' }; options as buildApp() takes them, e.g. { logger }. */
export async function testApp(flags = {}, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-server-test-'));
  const args = Object.entries({ ...(await databaseFlags(dir)), 'media-dir': join(dir, 'media'), 'staff-token': staffToken, ...flags }).flatMap(
    ([name, value]) => [`--${name}`, String(value)],
  );
  const config = loadConfig(args, {});
  const app = await buildApp(config, options);
  return {
    app,
    config,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const staffHeaders = { authorization: `Bearer ${staffToken}` };
