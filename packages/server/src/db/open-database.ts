import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) and migrates the database. WAL lets readers run
 * beside the writer; synchronous=FULL makes every committed transaction
 * durable before the server answers, so a 2xx survives a crash or power cut.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The database is at schema version ${current}, newer than this server (${migrations.length}). Update the server.`);
  }
  db.transaction(() => {
    for (const [index, sql] of migrations.entries()) {
      if (index < current) continue;
      db.exec(sql);
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
