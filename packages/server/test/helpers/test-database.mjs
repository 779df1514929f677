// The engine the server tests run against: SQLite by default; PostgreSQL when
// CIVIC_TEST_POSTGRES_URL names a throwaway cluster's admin database
// (scripts/test-server.mjs starts one and runs the suite again). Each server a
// test starts gets a database of its own, so tests stay independent.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export const postgresAdminUrl = process.env.CIVIC_TEST_POSTGRES_URL || undefined;
export const engine = postgresAdminUrl ? 'postgres' : 'sqlite';

/** bigint counts as numbers, as the server reads them. */
const types = { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };

/** A new, empty PostgreSQL database in the test cluster: its URL. */
export async function createPostgresDatabase() {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  const name = `civic_${Math.random().toString(36).slice(2, 12)}`;
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

const databases = new Map();

/**
 * Flags for the server whose data folder is `dir`: `--db` in it, or
 * `--database-url` of a PostgreSQL database made for it, the same for every
 * server (a restart) on that folder.
 */
export async function databaseFlags(dir) {
  if (!postgresAdminUrl) return { db: join(dir, 'civic.db') };
  if (!databases.has(dir)) databases.set(dir, createPostgresDatabase());
  return { 'database-url': await databases.get(dir) };
}

/**
 * Plain SQL on a server's database, as another program would write it
 * (`?` placeholders): what tests use to arrange a state or look behind the API.
 */
export async function rawDatabase(config) {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl, types });
    await client.connect();
    const query = (text, params) => {
      let index = 0;
      return client.query(
        text.replace(/\?/g, () => `$${++index}`),
        params,
      );
    };
    return {
      all: async (text, ...params) => (await query(text, params)).rows,
      get: async (text, ...params) => (await query(text, params)).rows[0],
      run: async (text, ...params) => ({ changes: (await query(text, params)).rowCount }),
      close: () => client.end(),
    };
  }
  const db = new Database(config.databasePath, { fileMustExist: true });
  return {
    all: async (text, ...params) => db.prepare(text).all(...params),
    get: async (text, ...params) => db.prepare(text).get(...params),
    run: async (text, ...params) => ({ changes: db.prepare(text).run(...params).changes }),
    close: async () => db.close(),
  };
}

/** The same as command-line arguments: ['--db', FILE] or ['--database-url', URL]. */
export async function databaseArgs(dir) {
  return Object.entries(await databaseFlags(dir)).flatMap(([name, value]) => [`--${name}`, value]);
}
