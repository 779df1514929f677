import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config.js';

/** Syncs a file, or a folder's entries, to disk. */
function syncToDisk(path: string): void {
  const handle = openSync(path, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * `civic-server backup --to FILE [--db FILE]`: an online copy of the SQLite
 * database with SQLite's backup API, safe while the server runs and writes.
 * The copy is a consistent snapshot: every report answered before the
 * backup began is in it. It is written beside FILE, checked, switched to a
 * single file (no -wal beside it) and synced, and only then renamed to FILE,
 * so FILE is never half a backup. An existing FILE is never overwritten.
 */
export async function backup(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, db: { type: 'string' } } });
  // PostgreSQL keeps its own backups consistent; this command copies SQLite files only.
  if (process.env.DATABASE_URL) throw new ConfigError('DATABASE_URL is set, so the database is PostgreSQL: back it up with pg_dump (server README, "Backups").');
  if (!values.to) throw new ConfigError('backup needs --to FILE, e.g. --to /var/backups/civic-$(date +%F).db');
  const { databasePath } = loadConfig(values.db ? ['--db', values.db] : []);
  if (databasePath === ':memory:' || !existsSync(databasePath)) {
    throw new ConfigError(`There is no database at ${databasePath}: give --db with the file the server uses (CIVIC_DB).`);
  }
  const target = resolve(values.to);
  if (target === databasePath) throw new ConfigError('--to must be another file than the database itself.');
  if (existsSync(target)) throw new ConfigError(`${target} exists: choose a new name (a backup is never overwritten).`);

  const partial = `${target}.partial-${process.pid}`;
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All remaining pages in each step: a write by the server between two
    // small steps would make SQLite start the copy over, again and again
    // under steady load. Readers never block the writer in WAL mode.
    await source.backup(partial, { progress: ({ totalPages }) => Math.max(100, totalPages * 2) });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }

  let reports: number;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The copy failed its check (${String(check)}); the database may be damaged: ${databasePath}`);
    // One self-contained file: the server switches it back to WAL when it opens it.
    copy.pragma('journal_mode = DELETE');
    reports = (copy.prepare('SELECT count(*) AS n FROM service_requests').get() as { n: number }).n;
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  syncToDisk(partial);
  renameSync(partial, target);
  syncToDisk(dirname(target));
  console.log(`backup: ${target} (${reports} reports, ${statSync(target).size} bytes)`);
}
