import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { ConfigError } from '../config.js';
import { metricsRoute } from './metrics.js';

/**
 * `--metrics-listen HOST:PORT`: /metrics, and nothing else, on an address of
 * its own and without the staff token, for a Prometheus that scrapes over a
 * private network or loopback. It listens when the server becomes ready and
 * closes with it.
 */
export function metricsListener(app: FastifyInstance, registry: Registry, address: { host: string; port: number }): void {
  const listener = Fastify({ logger: false });
  listener.register(async (scope) => metricsRoute(scope, registry));
  app.addHook('onReady', async () => {
    const url = await listener.listen(address).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EADDRNOTAVAIL') throw error;
      throw new ConfigError(`--metrics-listen ${address.host}:${address.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : 'no such address here'}.`);
    });
    app.log.info({ metrics: `${url}/metrics` }, 'metrics listening');
  });
  app.addHook('onClose', async () => listener.close());
}
