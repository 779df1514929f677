import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';

/**
 * The policy the demo site lives under: the strictest a host page might have,
 * so the demo proves the widgets need no exceptions.
 */
export const siteContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** Stored photos and attachments are shown, never run: no scripts even if one slipped through as an image. */
const inertContentPolicy = "default-src 'none'; img-src 'self'; sandbox";

const seedFiles = fileURLToPath(new URL('../../seed/files/', import.meta.url));

/** The demo district site, the widgets' shared folder under /cdn, stored photos under /media and notice attachments under /files. */
export async function siteRoutes(app: FastifyInstance, config: ServerConfig): Promise<void> {
  // Photos arrive later; the folder must exist for its static route to be set up.
  mkdirSync(config.mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: config.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    list: false,
    // Citizens' photos: a browser may keep them, a shared cache (a proxy, a CDN) may not.
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('Content-Security-Policy', inertContentPolicy);
      reply.header('Cache-Control', 'private, max-age=3600');
    },
  });
  await app.register(fastifyStatic, {
    root: seedFiles,
    prefix: '/files/',
    decorateReply: false,
    index: false,
    list: false,
    setHeaders: (reply) => void reply.header('Content-Security-Policy', inertContentPolicy),
  });
  if (config.cdnDir) {
    await app.register(fastifyStatic, {
      root: config.cdnDir,
      prefix: '/cdn/',
      decorateReply: false,
      index: false,
      list: false,
      // The shared folder (dist/cdn): chunk names carry a content hash, so they never
      // change and are cached for good; entries and the autoloader keep their names
      // across builds, so browsers check them each time.
      cacheControl: false,
      setHeaders: (reply, path) =>
        void reply.header('Cache-Control', /[\\/]chunks[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  if (config.siteDir) {
    await app.register(fastifyStatic, {
      root: config.siteDir,
      prefix: '/',
      decorateReply: false,
      cacheControl: false,
      extensions: ['html'],
      redirect: true,
      setHeaders: (reply) => {
        reply.header('Content-Security-Policy', siteContentSecurityPolicy);
        reply.header('Cache-Control', 'no-cache');
      },
    });
  }
}
