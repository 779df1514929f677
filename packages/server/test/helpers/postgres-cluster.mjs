// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's binaries
// (initdb, pg_ctl) in a temporary folder, on a port of its own, listening on
// 127.0.0.1 and a socket in that folder; removed when stopped, and also when
// the process ends or is interrupted. initdb refuses to run as root, so as
// root the cluster runs as `nobody`, which owns the folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.mjs';

/** The folder with initdb and pg_ctl: on PATH, else Debian's versioned folders, newest first. */
export function postgresBinaries() {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  return [...onPath, ...debian].find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function unprivileged() {
  if (process.geteuid?.() !== 0) return undefined;
  const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim()));
  return { uid, gid };
}

/**
 * Starts a cluster and answers { adminUrl, createDatabase(), stop() }.
 * `durable: false` turns fsync off: for tests, which kill the server, never
 * PostgreSQL; a benchmark keeps PostgreSQL's durable defaults.
 */
export async function startPostgresCluster({ durable = false } = {}) {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin).');
  const dir = mkdtempSync(join(tmpdir(), 'civic-postgres-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  const user = unprivileged();
  if (user) for (const path of [dir, sockets]) chownSync(path, user.uid, user.gid);
  const run = (tool, args) => {
    const result = spawnSync(join(bin, tool), args, { cwd: dir, encoding: 'utf8', ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { cwd: dir, ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const port = await freePort();
    // C collation and UTF-8, whatever the machine's locale: text sorts as in SQLite.
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const settings = [`-p ${port}`, `-k ${sockets}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
    if (!durable) settings.push('-c fsync=off', '-c full_page_writes=off');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      /** A new, empty database in the cluster: its URL. */
      async createDatabase(name = `civic_${Math.random().toString(36).slice(2, 10)}`) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      stop() {
        process.removeListener('exit', stop);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
