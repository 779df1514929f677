import { expect } from '@open-wc/testing';
import { open311Origin } from '/test-config.js';
import { newEndpoint, received, setGeolocation, setMode, updateRequest } from './helpers/open311.js';

// Checks the test tools themselves from the browser: the Open311 test server
// (through real CORS) and the set-geolocation command.

function position(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 5000, maximumAge: 0 }),
  );
}

async function getJson(url: string): Promise<[number, unknown]> {
  const response = await fetch(url);
  return [response.status, await response.json()];
}

function post(endpoint: string, fields: Record<string, string>, key?: string): Promise<Response> {
  return fetch(`${endpoint}/requests.json`, {
    method: 'POST',
    headers: key ? { 'Idempotency-Key': key } : {},
    body: new URLSearchParams(fields),
  });
}

describe('test infrastructure', () => {
  it('set-geolocation drives the real Geolocation API, including a denial', async () => {
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const { coords } = await position();
    expect([coords.latitude, coords.longitude]).to.deep.equal([31.2304, 121.4737]);

    await setGeolocation({ deny: true });
    const denied = await position().then(
      () => undefined,
      (error: GeolocationPositionError) => error.code,
    );
    expect(denied).to.equal(GeolocationPositionError.PERMISSION_DENIED);

    await setGeolocation({ latitude: 22.5431, longitude: 114.0579 });
    expect((await position()).coords.latitude).to.equal(22.5431);
  });

  it('serves the seed services and definitions', async () => {
    const endpoint = newEndpoint();
    const [, services] = (await getJson(`${endpoint}/services.json`)) as [number, Array<{ service_code: string }>];
    expect(services.length).to.be.at.least(6);
    const [, noise] = (await getJson(`${endpoint}/services/noise.json`)) as [
      number,
      { attributes: Array<{ datatype: string; variable: boolean }> },
    ];
    expect(noise.attributes.map((item) => item.datatype)).to.include.members([
      'string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist',
    ]);
    expect(noise.attributes.some((item) => !item.variable)).to.equal(true);
    expect(await getJson(`${endpoint}/services/nope.json`)).to.deep.equal([
      404,
      [{ code: 404, description: 'Service not found' }],
    ]);
  });

  it('creates, replays by Idempotency-Key, and lets staff update a request', async () => {
    const endpoint = newEndpoint();
    const first = await post(endpoint, { service_code: 'pothole', description: 'Hole' }, 'key-1');
    const again = await post(endpoint, { service_code: 'pothole', description: 'Hole' }, 'key-1');
    expect(await again.json()).to.deep.equal(await first.json());
    expect((await received(endpoint)).created).to.equal(1);

    await updateRequest(endpoint, { id: 'SR-1', status: 'closed', status_notes: 'Repaired' });
    const [, [request]] = (await getJson(`${endpoint}/requests/SR-1.json`)) as [number, Array<Record<string, unknown>>];
    expect(request).to.include({ status: 'closed', status_notes: 'Repaired', service_code: 'pothole' });
    expect(request!['requested_datetime']).to.match(/\+08:00$/);
  });

  it('switches failure modes per namespace', async () => {
    const endpoint = newEndpoint();
    const other = newEndpoint();
    await setMode(endpoint, 'fail-503');
    expect((await post(endpoint, { service_code: 'praise' })).status).to.equal(503);
    expect((await post(other, { service_code: 'praise' })).status).to.equal(200);

    await setMode(endpoint, 'token');
    const [answer] = (await (await post(endpoint, { service_code: 'praise' })).json()) as Array<{ token: string }>;
    expect(await getJson(`${endpoint}/tokens/${answer!.token}.json`)).to.deep.equal([
      200,
      [{ service_request_id: 'SR-1', token: answer!.token }],
    ]);

    await setMode(endpoint, 'malformed');
    expect(await (await fetch(`${endpoint}/services.json`)).text()).to.equal('{not json');

    await setMode(endpoint, 'down');
    const down = await fetch(`${endpoint}/services.json`).then(() => 'answered', (error: Error) => error.name);
    expect(down).to.equal('TypeError');

    await setMode(endpoint, 'hang');
    const hang = await fetch(`${endpoint}/requests.json`, {
      method: 'POST',
      body: new URLSearchParams({ service_code: 'praise' }),
      signal: AbortSignal.timeout(300),
    }).then(() => 'answered', (error: Error) => error.name);
    expect(hang).to.equal('TimeoutError');
    // 503, token and the hanging POST arrived; the dropped connection did not.
    expect((await received(endpoint)).received).to.have.length(3);
  });
  it('has modes for 409, 425, Retry-After and unreachable definitions, and seeds chosen by the namespace name', async () => {
    const endpoint = newEndpoint();
    for (const [mode, status] of [
      ['conflict-409', 409],
      ['too-early-425', 425],
    ] as const) {
      await setMode(endpoint, mode);
      const response = await post(endpoint, { service_code: 'praise' }, 'key-2');
      expect([response.status, await response.json()]).to.deep.equal([
        status,
        [{ code: status, description: 'A request with this Idempotency-Key is still being processed.' }],
      ]);
    }
    await setMode(endpoint, 'retry-after-503');
    const busy = await post(endpoint, { service_code: 'praise' });
    expect([busy.status, busy.headers.get('Retry-After')]).to.deep.equal([503, '120']);
    await setMode(endpoint, 'retry-after-date-503');
    const date = Date.parse((await post(endpoint, { service_code: 'praise' })).headers.get('Retry-After') ?? '');
    expect(date - Date.now()).to.be.within(118_000, 121_000);

    await setMode(endpoint, 'definitions-down');
    expect((await getJson(`${endpoint}/services.json`))[0]).to.equal(200);
    const definition = await fetch(`${endpoint}/services/noise.json`).then(() => 'answered', (error: Error) => error.name);
    expect(definition).to.equal('TypeError');

    // Every POST is recorded with its query, Referer and Cookie headers.
    const [last] = (await received(endpoint)).received.slice(-1);
    expect(last!.query).to.deep.equal({});
    expect(last!.headers).to.have.keys(['idempotency-key', 'content-type', 'accept-language', 'referer', 'cookie']);

    const codes = async (seedEndpoint: string) =>
      ((await getJson(`${seedEndpoint}/services.json`))[1] as Array<{ service_code: string }>).map((item) => item.service_code);
    expect(await codes(newEndpoint('other'))).to.deep.equal(['streetlight', 'noise']);
    expect(await codes(newEndpoint('tricky'))).to.include('proto-codes');
    expect(await codes(newEndpoint())).not.to.include('proto-codes');
    const [, tricky] = (await getJson(`${newEndpoint('tricky')}/services/proto-codes.json`)) as [number, { attributes: Array<{ code: string }> }];
    expect(tricky.attributes.map((item) => item.code)).to.deep.equal(['constructor', '__proto__', 'toString', 'hasOwnProperty']);

    const echo = (await (await fetch(`${open311Origin}/echo-headers`)).json()) as Record<string, unknown>;
    expect(echo).to.have.keys(['referer', 'cookie', 'origin']);
  });
});
