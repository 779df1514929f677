// The OpenAPI 3.1 document a district's developers generate clients from: made
// from the schemas Fastify validates with, every route in it, and valid.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { registeredRoutes } from '../dist/ops/openapi.js';
import { testApp } from './helpers/test-app.mjs';

const siteDir = fileURLToPath(new URL('../site', import.meta.url));
/** Fastify's `:param` and `*` as OpenAPI writes them. */
const openApiPath = (url) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');

describe('/openapi.json', () => {
  let server;
  let doc;
  before(async () => {
    // The site and a shared folder too, so that their routes are registered.
    server = await testApp({ 'site-dir': siteDir, 'cdn-dir': siteDir, 'public-url': 'https://www.district.example' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await fetch(`http://127.0.0.1:${server.app.server.address().port}/openapi.json`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    doc = await answer.json();
  });
  after(() => server.close());

  test('is a valid OpenAPI 3.1 document', async () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: 'https://www.district.example' }], 'the configured public URL');
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  });

  test('has every route the server registered, each with a summary and a success answer', () => {
    // HEAD is answered for every GET by Fastify, as GET without the body; CORS preflights by @fastify/cors.
    const routes = registeredRoutes(server.app).filter(({ method }) => method !== 'HEAD' && method !== 'OPTIONS');
    assert.ok(routes.length >= 25, `only ${routes.length} routes seen`);
    for (const { method, url } of routes) {
      const path = openApiPath(url.length > 1 ? url.replace(/\/$/, '') : url);
      const operation = doc.paths[path]?.[method.toLowerCase()];
      assert.ok(operation, `${method} ${url} is not in the document`);
      assert.ok(operation.summary, `${method} ${url} has no summary`);
      assert.ok(Object.keys(operation.responses).some((status) => /^2/.test(status)), `${method} ${url} documents no success`);
    }
  });

  test('describes requests with the schemas Fastify validates them with', async () => {
    const post = doc.paths['/open311/v2/requests.json'].post;
    const form = post.requestBody.content['application/x-www-form-urlencoded'].schema;
    assert.deepEqual(form.required, ['service_code']);
    assert.equal(form.properties.description.maxLength, 4000);
    const multipart = post.requestBody.content['multipart/form-data'].schema;
    assert.equal(multipart.properties.media.items.contentMediaType, 'image/jpeg', 'photos are files to a client generator');
    assert.equal(multipart.properties.media.maxItems, 5);
    const refused = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ service_code: 'street-light', description: 'x'.repeat(4001) }).toString(),
    });
    assert.equal(refused.statusCode, 400, 'the documented limit is the one enforced');

    const list = doc.paths['/open311/v2/requests.json'].get.parameters.map((parameter) => parameter.name);
    for (const name of ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size']) assert.ok(list.includes(name), name);
    const patch = doc.paths['/open311/v2/requests/{file}'].patch;
    assert.deepEqual(patch.parameters.map(({ name, in: where }) => [name, where]), [['file', 'path']]);
    assert.deepEqual(Object.keys(patch.requestBody.content['application/json'].schema.properties).sort(), [
      'agency_responsible',
      'expected_datetime',
      'media_public',
      'public_description',
      'review',
      'status',
      'status_notes',
    ]);
  });

  test('marks exactly the staff routes as needing the bearer token', () => {
    assert.deepEqual(doc.components.securitySchemes.staffToken, { type: 'http', scheme: 'bearer', description: 'The staff token (`--staff-token-file`).' });
    const secured = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) if (operation.security) secured.push(`${method.toUpperCase()} ${path}`);
    }
    assert.deepEqual(secured.sort(), [
      'DELETE /notices/{id}',
      'GET /metrics',
      'GET /staff/api/callbacks',
      'GET /staff/api/requests',
      'PATCH /notices/{id}',
      'PATCH /open311/v2/requests/{file}',
      'POST /notices',
      'POST /staff/api/callbacks/{id}/handled',
    ]);
  });
});
