import { expect } from '@open-wc/testing';
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
});
