import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations, type Engine } from './migrations.js';
import type { Tables } from './schema.js';

export type { Engine } from './migrations.js';
export type Db = Kysely<Tables>;
/** The tables whose changes by other instances invalidate cached answers. */
export type ChangingTable = 'service_requests' | 'survey_responses';
export type Tx = Transaction<Tables>;

/** Where the data lives: a SQLite file (the default), or a PostgreSQL database. */
export type DatabaseLocation = { path: string } | { url: string };

/** The configured database: PostgreSQL when a URL is given, else the SQLite file. */
export const databaseLocation = (config: { databasePath: string; databaseUrl: string | undefined }): DatabaseLocation =>
  config.databaseUrl ? { url: config.databaseUrl } : { path: config.databasePath };

/** Database connections: all of them, those idle, and queries waiting for one. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

/** The same real query on both engines (see Database.ping). */
const pingQuery = (db: Db) => async () => void (await db.selectFrom('meta').select((eb) => eb.fn.countAll().as('rows')).executeTakeFirstOrThrow());

export interface Database {
  engine: Engine;
  db: Db;
  /**
   * A real query against one of our tables, not just "a connection exists": a
   * closed, unreachable or unmigrated database fails it. What a readiness check asks.
   */
  ping(): Promise<void>;
  /** Connections in use, read by the metrics at each scrape. */
  poolUse(): PoolUse;
  /**
   * Changes when another connection (another process, another instance)
   * commits a change to `table`: SQLite's data_version (for any table), or
   * on PostgreSQL the count of civic_changes notifications for the table.
   * While the notifications' connection is down, a new value every time, so
   * that nothing is cached on a version that may have been missed.
   */
  dataVersion(table: ChangingTable): Promise<string>;
  /**
   * Tells the other instances that `table` changed; call after the change
   * committed. A NOTIFY of its own, not one in the writing transaction:
   * PostgreSQL serializes the commits of transactions that notify, with
   * their disk flush, which would make every report wait for the one before.
   */
  announce(table: ChangingTable): Promise<void>;
  close(): Promise<void>;
}

const int8 = 20;
const numeric = 1700;
/**
 * PostgreSQL sends bigint (ids, counts, millisecond times) and numeric as
 * text, lest a value past 2^53 lose digits; ours stay far below, and both
 * engines answer numbers. This is the one place that makes them numbers.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === int8 || oid === numeric) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** Connections per server process; two instances use twice as many. */
const poolSize = 10;

/**
 * Opens (creating if needed) and migrates the database. SQLite: WAL lets
 * readers run beside the writer; synchronous=FULL makes every committed
 * transaction durable before the server answers, so a 2xx survives a crash
 * or power cut. PostgreSQL gives the same with its defaults (fsync on,
 * synchronous_commit on), which an operator must leave on.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const database = 'url' in location ? postgres(location.url) : sqlite(location.path);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function sqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const file = new BetterSqlite3(path);
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: file }) });
  return {
    engine: 'sqlite',
    db,
    ping: pingQuery(db),
    // better-sqlite3 is one connection used synchronously: no query runs while a scrape is answered, none waits.
    poolUse: () => ({ total: 1, idle: 1, waiting: 0 }),
    dataVersion: async () => String(file.pragma('data_version', { simple: true })),
    announce: async () => undefined,
    close: () => db.destroy(),
  };
}

function postgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection that breaks (PostgreSQL restarted, a network blip) is dropped by
  // the pool and replaced on the next query; unhandled, its error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const changes = changeListener(url);
  return {
    engine: 'postgres',
    db,
    ping: pingQuery(db),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    dataVersion: async (table) => changes.version(table),
    announce: async (table) => void (await sql`select pg_notify('civic_changes', ${table})`.execute(db)),
    close: async () => {
      await changes.close();
      await db.destroy();
    },
  };
}

/** How long to wait before listening again after the connection was lost. */
const relistenAfterMs = 1000;

/** One connection per instance that LISTENs for civic_changes and counts them by table. */
function changeListener(url: string) {
  const counts = new Map<string, number>();
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let unknown = 0;
  const listen = async () => {
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on('notification', ({ payload }) => payload && counts.set(payload, (counts.get(payload) ?? 0) + 1));
    next.on('error', () => {
      listening = false;
      void next.end().catch(() => undefined);
      if (!closed) setTimeout(() => void listen().catch(() => undefined), relistenAfterMs).unref();
    });
    await next.connect();
    await next.query('LISTEN civic_changes');
    listening = true;
  };
  const started = listen().catch(() => {
    if (!closed) setTimeout(() => void listen().catch(() => undefined), relistenAfterMs).unref();
  });
  return {
    async version(table: ChangingTable): Promise<string> {
      await started;
      return listening ? String(counts.get(table) ?? 0) : `unknown-${++unknown}`;
    },
    async close() {
      closed = true;
      listening = false;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Any number: it only keeps two servers starting at once from migrating together. */
const migrationLock = 3_110_311;

async function migrate({ engine, db }: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let current: number;
    if (engine === 'sqlite') {
      current = (await sql<{ user_version: number }>`pragma user_version`.execute(trx)).rows[0]!.user_version;
    } else {
      await sql`select pg_advisory_xact_lock(${migrationLock})`.execute(trx);
      await trx.schema.createTable('schema_version').ifNotExists().addColumn('version', 'integer', (c) => c.notNull()).execute();
      current = (await trx.selectFrom('schema_version' as never).select(sql<number>`max(version)`.as('version')).executeTakeFirst())?.version ?? 0;
    }
    if (current > migrations.length) {
      throw new Error(`The database is at schema version ${current}, newer than this server (${migrations.length}). Update the server.`);
    }
    if (current === migrations.length) return;
    for (const [index, step] of migrations.entries()) {
      if (index >= current) await step(trx, engine);
    }
    if (engine === 'sqlite') await sql.raw(`pragma user_version = ${migrations.length}`).execute(trx);
    else {
      await trx.deleteFrom('schema_version' as never).execute();
      await trx.insertInto('schema_version' as never).values({ version: migrations.length } as never).execute();
    }
  });
}
