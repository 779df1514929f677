// `civic-server backup` while citizens keep sending reports: the copy, started
// on the restored file, has every report answered before the backup began.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { cliServer } from './helpers/cli-server.mjs';
import { testApp } from './helpers/test-app.mjs';
import { engine } from './helpers/test-database.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);
const civicServer = (...args) => run(process.execPath, [cli, ...args]);

// The SQLite command; on PostgreSQL, pg_dump is the way (README), and this file registers no tests.
if (engine === 'sqlite') {
  describe('civic-server backup', () => {
    let server;
    before(async () => {
      server = await cliServer({ flags: ['--rate-limit', '100000'] });
      await server.start();
    });
    after(async () => {
      await server.stop();
      server.remove();
    });

    test('an online backup taken while reports arrive has every report answered before it began', async () => {
      const database = join(server.dir, 'civic.db');
      const file = join(server.dir, 'backup.db');
      const answered = [];
      let inFlight = 0;
      let sending = true;
      let sent = 0;
      // Four citizens sending one report after another, bounded in count.
      const citizen = async (name) => {
        while (sending && sent < 2000) {
          sent++;
          inFlight++;
          const answer = await fetch(`${server.origin}/open311/v2/requests.json`, {
            method: 'POST',
            body: new URLSearchParams({ service_code: 'street-light', description: `${name} #${sent}` }),
          });
          inFlight--;
          assert.equal(answer.status, 200);
          answered.push((await answer.json())[0].service_request_id);
        }
      };
      const citizens = Promise.all(['a', 'b', 'c', 'd'].map(citizen));
      while (answered.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));

      const before = [...answered];
      assert.ok(inFlight > 0, 'reports are being sent as the backup starts');
      const { stdout } = await civicServer('backup', '--to', file, '--db', database);
      sending = false;
      await citizens;
      assert.match(stdout, /^backup: .*backup\.db \(\d+ reports, \d+ bytes\)/);
      assert.ok(answered.length > before.length, 'reports kept arriving');
      assert.ok(!existsSync(`${file}-wal`), 'the backup is one file');

      // Restore: the file in the place of the database, a server started on it.
      const restoredDb = join(server.dir, 'restored.db');
      copyFileSync(file, restoredDb);
      const restored = await testApp({ db: restoredDb, 'read-rate-limit': '100000' });
      try {
        await restored.app.listen({ port: 0, host: '127.0.0.1' });
        const origin = `http://127.0.0.1:${restored.app.server.address().port}`;
        for (const id of before) {
          const answer = await fetch(`${origin}/open311/v2/requests/${id}.json`);
          assert.equal(answer.status, 200, `report ${id} is missing from the backup`);
        }
      } finally {
        await restored.close();
      }
    });

    test('refuses to overwrite a file, to copy a database that is not there, to go without --to, or to copy PostgreSQL', async () => {
      const existing = join(server.dir, 'existing.db');
      writeFileSync(existing, 'keep me');
      await assert.rejects(civicServer('backup', '--to', existing, '--db', join(server.dir, 'civic.db')), (error) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /exists: choose a new name/);
        return true;
      });
      await assert.rejects(civicServer('backup', '--to', join(server.dir, 'x.db'), '--db', join(server.dir, 'typo.db')), /There is no database/);
      await assert.rejects(civicServer('backup', '--db', join(server.dir, 'civic.db')), /backup needs --to FILE/);
      const onPostgres = run(process.execPath, [cli, 'backup', '--to', join(server.dir, 'y.db')], { env: { ...process.env, DATABASE_URL: 'postgres://civic@localhost/civic' } });
      await assert.rejects(onPostgres, /PostgreSQL: back it up with pg_dump/);
    });
  });
}
