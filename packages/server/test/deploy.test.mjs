// The deploy/ folder, tried with the tools it is written for: nginx checks the
// site and then runs it in front of a real server (TLS, HTTP to HTTPS, the
// client's address, body limits, /cdn/ caching, /metrics kept private);
// systemd-analyze verifies the unit; the Compose file is read for its checks.
// Where a tool is not installed, its test says so in one line and passes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { maxPhotoBytes } from '../dist/app.js';
import { maxPhotos } from '../dist/open311/request-schema.js';
import { freePort } from './helpers/cli-server.mjs';
import { staffHeaders, testApp } from './helpers/test-app.mjs';

const deploy = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const site = readFileSync(join(deploy, 'nginx/civic-widgets.conf'), 'utf8');
const unit = readFileSync(join(deploy, 'systemd/civic-widgets.service'), 'utf8');

/** Whether a program runs here; when not, the test passes saying so in one line. */
function installed(t, program, versionFlag) {
  if (spawnSync(program, [versionFlag], { stdio: 'ignore' }).error === undefined) return true;
  t.diagnostic(`${program} is not installed here: not checked (.ci/run installs it)`);
  return false;
}

/** An HTTPS request that trusts only the test's own certificate. */
function fetchTls(url, { ca, method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { ca, method, headers, servername: 'localhost' }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode, headers: answer.headers, body: Buffer.concat(chunks).toString() }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function accepting(port, deadline = Date.now() + 15_000) {
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the nginx site', () => {
  let dir;
  let ca;
  let server;
  let nginx;
  let httpPort;
  let httpsPort;
  let nginxConf;
  const haveNginx = spawnSync('nginx', ['-v'], { stdio: 'ignore' }).error === undefined;

  before(async () => {
    if (!haveNginx) return;
    dir = mkdtempSync(join(tmpdir(), 'civic-nginx-'));
    // nginx's workers run as an unprivileged user when the test runs as root: they must read the files.
    chmodSync(dir, 0o755);
    const made = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    assert.equal(made.status, 0, made.stderr?.toString());
    ca = readFileSync(join(dir, 'cert.pem'));
    mkdirSync(join(dir, 'cdn/chunks'), { recursive: true });
    writeFileSync(join(dir, 'cdn/civic-widgets.js'), 'export {};\n');
    writeFileSync(join(dir, 'cdn/chunks/lit-3f9a1c2e.js'), 'export {};\n');

    // The server as deploy/systemd/civic-widgets.service runs it: behind 127.0.0.1, two reports per address.
    server = await testApp({ 'trust-proxy': '127.0.0.1', 'rate-limit': '2', 'rate-window': '600' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    // The site as shipped, with this test's ports, certificate and files.
    const local = site
      .replace('server 127.0.0.1:8080;', `server 127.0.0.1:${server.app.server.address().port};`)
      .replace(/listen \[::\]:\d+[^;]*;\n/g, '')
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
      .replace('/etc/ssl/civic-widgets/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/ssl/civic-widgets/privkey.pem', join(dir, 'key.pem'))
      .replaceAll('/opt/civic-widgets/dist/cdn/', `${join(dir, 'cdn')}/`);
    writeFileSync(join(dir, 'site.conf'), local);
    nginxConf = join(dir, 'nginx.conf');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(dir, kind)};`).join(' ');
    writeFileSync(
      nginxConf,
      `daemon off;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\nevents {}\n` +
        `http {\n  access_log off;\n  types { text/javascript js; }\n  ${temp}\n  include ${join(dir, 'site.conf')};\n}\n`,
    );
  });
  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('passes nginx -t', (t) => {
    if (!installed(t, 'nginx', '-v')) return;
    const checked = spawnSync('nginx', ['-t', '-c', nginxConf, '-p', dir, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stderr, /test is successful/);
  });

  test('in front of the server: HTTPS only, the citizen’s address and scheme, body limits, /cdn/ caching, no /metrics', async (t) => {
    if (!installed(t, 'nginx', '-v')) return;
    nginx = spawn('nginx', ['-c', nginxConf, '-p', dir, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
    await accepting(httpsPort);
    const https = `https://127.0.0.1:${httpsPort}`;

    const plain = await fetch(`http://127.0.0.1:${httpPort}/open311/v2/services.json`, { redirect: 'manual' });
    assert.equal(plain.status, 301);
    assert.match(plain.headers.get('location'), /^https:\/\/127\.0\.0\.1\/open311\/v2\/services\.json$/);

    const services = await fetchTls(`${https}/open311/v2/services.json`, { ca });
    assert.equal(services.status, 200);
    assert.equal(services.headers['strict-transport-security'], 'max-age=63072000', 'X-Forwarded-Proto reached the server from a trusted proxy');

    // X-Forwarded-For: each citizen has a bucket of their own.
    const report = (address) =>
      fetchTls(`${https}/open311/v2/requests.json`, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
        body: 'service_code=street-light',
      });
    assert.equal((await report('198.51.100.1')).status, 200);
    assert.equal((await report('198.51.100.1')).status, 200);
    assert.equal((await report('198.51.100.1')).status, 429);
    assert.equal((await report('198.51.100.2')).status, 200, 'another citizen is not limited by the first');

    // Bodies: 256 KB in general, as the server; a report's photos get the room the server allows.
    const large = 'x'.repeat(300 * 1024);
    const rating = await fetchTls(`${https}/surveys/responses`, { ca, method: 'POST', headers: { 'content-type': 'application/json' }, body: large });
    assert.equal(rating.status, 413);
    assert.match(rating.body, /nginx/, 'refused by nginx before it reaches the server');
    // Five photo parts just under the server's 4 MB each (not images: the server reads them all, then says so).
    const form = new FormData();
    form.append('service_code', 'street-light');
    for (let part = 0; part < maxPhotos; part++) form.append('media', new Blob([Buffer.alloc(maxPhotoBytes - 1024, part)]), `photo-${part}.jpg`);
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const photos = Buffer.from(await encoded.arrayBuffer());
    assert.ok(photos.length > 4 * maxPhotoBytes, 'far more than the general 256 KB');
    const withPhotos = await fetchTls(`${https}/open311/v2/requests.json`, {
      ca,
      method: 'POST',
      headers: { 'content-type': encoded.headers.get('content-type'), 'x-forwarded-for': '198.51.100.3' },
      body: photos,
    });
    assert.equal(withPhotos.status, 400, withPhotos.body);
    assert.equal(JSON.parse(withPhotos.body)[0].code, 400, 'five photos’ worth of body reached the server, which answered for itself');

    const chunk = await fetchTls(`${https}/cdn/chunks/lit-3f9a1c2e.js`, { ca });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const autoloader = await fetchTls(`${https}/cdn/civic-widgets.js`, { ca });
    assert.equal(autoloader.status, 200);
    assert.equal(autoloader.headers['cache-control'], 'no-cache');
    assert.equal(autoloader.headers['access-control-allow-origin'], '*');

    assert.equal((await fetchTls(`${https}/metrics`, { ca, headers: staffHeaders })).status, 404, 'not even with the staff token');
    assert.equal((await fetchTls(`${https}/health/ready`, { ca })).status, 200);
  });

  test('allows a report the body the server allows it', () => {
    const reportLimit = /location = \/open311\/v2\/requests\.json \{\s*client_max_body_size (\d+)m;/.exec(site);
    assert.ok(reportLimit, 'the report location sets its own limit');
    assert.ok(Number(reportLimit[1]) * 1024 * 1024 >= (maxPhotos + 1) * maxPhotoBytes, 'room for the photos and one more');
    assert.match(site, /^\s*client_max_body_size 256k;/m);
  });
});

describe('the systemd unit', () => {
  test('passes systemd-analyze verify', (t) => {
    if (!installed(t, 'systemd-analyze', '--version')) return;
    const dir = mkdtempSync(join(tmpdir(), 'civic-systemd-'));
    try {
      // The node this test runs on, wherever it is installed here.
      const file = join(dir, 'civic-widgets.service');
      writeFileSync(file, unit.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
      const verified = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      assert.equal(verified.status, 0, verified.stderr);
      assert.equal(verified.stderr.trim(), '', 'no warnings');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is hardened and reads its secrets from files', () => {
    for (const line of [
      'DynamicUser=yes',
      'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/civic-widgets',
      'NoNewPrivileges=yes',
      'EnvironmentFile=/etc/civic-widgets/civic-widgets.env',
      'LoadCredential=staff-token:/etc/civic-widgets/staff-token',
      'Environment=CIVIC_STAFF_TOKEN_FILE=%d/staff-token',
      // Matching the nginx site: the proxy on loopback is the one trusted.
      'Environment=CIVIC_TRUST_PROXY=127.0.0.1',
    ]) {
      assert.ok(unit.split('\n').includes(line), `missing ${line}`);
    }
    assert.match(site, /server 127\.0\.0\.1:8080;/);
    assert.ok(unit.includes('Environment=PORT=8080'));
  });
});

test('the Compose file runs the server on PostgreSQL, ready only when /health/ready says so', () => {
  const compose = parse(readFileSync(join(deploy, 'compose/compose.yaml'), 'utf8'));
  const { server, postgres } = compose.services;
  assert.equal(server.depends_on.postgres.condition, 'service_healthy');
  assert.ok(server.healthcheck.test.join(' ').includes('/health/ready'));
  assert.ok(postgres.healthcheck.test.join(' ').includes('pg_isready'));
  assert.ok(server.entrypoint.join(' ').includes('DATABASE_URL='));
  assert.equal(server.environment.CIVIC_STAFF_TOKEN_FILE, '/run/secrets/staff-token');
  assert.equal(server.environment.CIVIC_TRUST_PROXY, compose.networks.civic.ipam.config[0].gateway);
  for (const published of server.ports) assert.match(published, /^127\.0\.0\.1:/, 'published on loopback only');
});
