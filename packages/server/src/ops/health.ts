import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A readiness check: resolves when the dependency works, throws (with a short reason) when not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * Creates, writes, syncs and removes a file in the media folder, as storing
 * a photo does. Its name is not one the orphan sweep touches (photo-store.ts).
 */
export function writableFolderProbe(dir: string): ReadinessCheck {
  return async () => {
    const probe = join(dir, `.ready-${process.pid}-${randomBytes(6).toString('hex')}`);
    const file = await open(probe, 'wx');
    try {
      await file.write('ok');
      await file.sync();
    } finally {
      await file.close();
      await rm(probe, { force: true });
    }
  };
}

/** What a failed check says: an error code or message, never a path or data. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message.slice(0, 200) : 'failed';
}

/**
 * The IETF health-check draft's format (draft-inadarei-api-health-check):
 * `status` pass or fail, and each check by name. Load balancers read the
 * status code; a person reads which check failed.
 */
const healthType = 'application/health+json';

function noStore(reply: FastifyReply): FastifyReply {
  // A probe must see the process as it is now, never an answer kept by a proxy.
  return reply.header('Cache-Control', 'no-store').type(healthType);
}

/**
 * `/health/live`: the process answers (no database, so a slow database never
 * gets a healthy process restarted). `/health/ready`: every check passes, or
 * 503 naming the ones that failed, so a load balancer sends traffic elsewhere.
 * Neither is rate-limited (probes come every few seconds from one address)
 * and neither says anything about reports or people.
 */
export async function healthRoutes(app: FastifyInstance, checks: Record<string, ReadinessCheck>): Promise<void> {
  app.get('/health/live', async (_request, reply) => noStore(reply).send({ status: 'pass' }));

  app.get('/health/ready', async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
          return [name, [{ status: 'pass' }]] as const;
        } catch (error) {
          return [name, [{ status: 'fail', output: reasonOf(error) }]] as const;
        }
      }),
    );
    const failed = results.some(([, [result]]) => result.status === 'fail');
    return noStore(reply)
      .code(failed ? 503 : 200)
      .send({ status: failed ? 'fail' : 'pass', checks: Object.fromEntries(results) });
  });
}
