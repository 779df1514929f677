#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { backup } from './cli/backup.js';
import { ConfigError, configHelp, loadConfig } from './config.js';
import { copyDatabase, TargetNotEmptyError } from './db/copy-database.js';
import { databaseLocation, openDatabase } from './db/open-database.js';
import { isoNow, requestStore, type StaffChanges } from './open311/request-store.js';

const usage = `civic-server: the Civic Widgets reference server

  civic-server start [options]      serve the APIs (and the demo site, with --site-dir)
  civic-server set-status <id> [--status open|closed] [--notes TEXT] [--agency TEXT] [--expected ISO-DATE] [--db FILE | --database-url URL]
                                    what staff do on /staff, from a terminal
  civic-server backup --to FILE [--db FILE]
                                    an online copy of the SQLite database, safe while the server runs
  civic-server migrate-to --database-url URL [--db FILE] [--replace]
                                    copy the SQLite database into an empty PostgreSQL one, then verify
  civic-server help

Options of start (flag, environment variable, default):
${configHelp.map(({ flag, env, fallback }) => `  ${flag.padEnd(16)} ${env.padEnd(20)} ${fallback || '(none)'}`).join('\n')}
`;

/** How long SIGTERM or SIGINT waits for requests in flight before the process exits anyway. */
const shutdownDeadlineMs = 10_000;

async function start(args: string[]): Promise<void> {
  const config = loadConfig(args);
  const app = await buildApp(config, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A client that never finishes its upload must not keep the process alive.
    // Every answered write is already on disk (synchronous=FULL), so cutting
    // the rest off loses nothing that was confirmed.
    setTimeout(() => {
      app.log.warn({ signal, deadlineMs: shutdownDeadlineMs }, 'shutdown deadline passed: exiting with requests still in flight');
      process.exit(1);
    }, shutdownDeadlineMs);
    try {
      await app.close();
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  const address = await app.listen({ port: config.port, host: config.host }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    await app.close();
    // One line a person can act on, not a stack trace.
    throw new ConfigError(`Port ${config.port} is in use: stop the other program or start with --port ${config.port + 1}.`);
  });
  const shown = address.replace('127.0.0.1', 'localhost');
  const lines = [``, `Civic Widgets reference server ${shown}`];
  if (config.siteDir) lines.push(`  demo district site  ${shown}/   (staff: ${shown}/staff)`);
  lines.push(`  Open311 API         ${shown}/open311/v2/services.json`);
  if (config.metricsListen) {
    const { host, port } = config.metricsListen;
    lines.push(`  metrics (no token)  http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`);
  }
  if (config.staffTokenGenerated) lines.push(`  staff token         ${config.staffToken}   (made up for this run; keep one with --staff-token-file)`);
  console.log(`${lines.join('\n')}\n`);
}

async function setStatus(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      status: { type: 'string' },
      notes: { type: 'string' },
      agency: { type: 'string' },
      expected: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new ConfigError('set-status takes exactly one tracking number.');
  if (values.status !== undefined && values.status !== 'open' && values.status !== 'closed') {
    throw new ConfigError(`--status is open or closed, not "${values.status}".`);
  }
  if (values.expected !== undefined && Number.isNaN(Date.parse(values.expected))) {
    throw new ConfigError(`--expected must be an ISO 8601 date-time, not "${values.expected}".`);
  }
  const changes: StaffChanges = {
    ...(values.status ? { status: values.status as 'open' | 'closed' } : {}),
    ...(values.notes !== undefined ? { status_notes: values.notes } : {}),
    ...(values.agency !== undefined ? { agency_responsible: values.agency } : {}),
    ...(values.expected !== undefined ? { expected_datetime: isoNow(new Date(values.expected)) } : {}),
  };
  if (Object.keys(changes).length === 0) throw new ConfigError('Nothing to change: give --status, --notes, --agency or --expected.');
  const config = loadConfig([...(values.db ? ['--db', values.db] : []), ...(values['database-url'] ? ['--database-url', values['database-url']] : [])]);
  // Opening would create an empty database: a mistyped path must say so instead.
  if (!config.databaseUrl && config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
    throw new ConfigError(`There is no database at ${config.databasePath}: give --db with the file the server uses (CIVIC_DB).`);
  }
  const database = await openDatabase(databaseLocation(config));
  try {
    const updated = await requestStore(database).update(id, changes);
    if (!updated) throw new ConfigError(`No request has the number ${id}.`);
    console.log(`${id}: ${updated.status}${updated.status_notes ? ` (${updated.status_notes})` : ''}`);
  } finally {
    await database.close();
  }
}

/** Moves a district from the default SQLite file to PostgreSQL, losing nothing; stop the server first. */
async function migrateTo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'database-url': { type: 'string' }, db: { type: 'string' }, replace: { type: 'boolean' } } });
  if (!values['database-url']) throw new ConfigError('migrate-to needs --database-url postgres://… (the database to copy into).');
  const config = loadConfig([...(values.db ? ['--db', values.db] : []), '--database-url', values['database-url']]);
  if (!existsSync(config.databasePath)) throw new ConfigError(`There is no database at ${config.databasePath}: give --db with the file the server uses (CIVIC_DB).`);
  const source = await openDatabase({ path: config.databasePath });
  try {
    const target = await openDatabase({ url: values['database-url'] });
    try {
      const report = await copyDatabase(source, target, { replace: values.replace ?? false }).catch((error: unknown) => {
        if (error instanceof TargetNotEmptyError) throw new ConfigError(`${error.message} Give --replace to empty it first.`);
        throw error;
      });
      console.log(`${'table'.padEnd(18)} ${'SQLite'.padStart(8)} ${'PostgreSQL'.padStart(10)}  sample compared`);
      for (const row of report) {
        console.log(`${row.table.padEnd(18)} ${String(row.source).padStart(8)} ${String(row.target).padStart(10)}  ${row.sampled - row.mismatched}/${row.sampled} equal`);
      }
      const failed = report.filter((row) => row.source !== row.target || row.mismatched > 0);
      if (failed.length > 0) throw new ConfigError(`The copy differs in ${failed.map((row) => row.table).join(', ')}: do not switch over.`);
      console.log(`Copied and verified ${config.databasePath} into PostgreSQL: start the server with --database-url.`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'start') await start(rest);
  else if (command === 'set-status') await setStatus(rest);
  else if (command === 'backup') await backup(rest);
  else if (command === 'migrate-to') await migrateTo(rest);
  else if (command === 'help' || command === '--help' || command === undefined) console.log(usage);
  else throw new ConfigError(`Unknown command "${command}".\n\n${usage}`);
} catch (error) {
  if (!(error instanceof ConfigError || (error instanceof TypeError && 'code' in error))) throw error;
  console.error(`civic-server: ${error.message}`);
  process.exit(2);
}
