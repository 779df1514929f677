import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/open-database.js';
import type { PhotoStore } from '../media/photo-store.js';
import { isoNow, type RequestStore } from '../open311/request-store.js';
import { surveyStore } from '../surveys/survey-store.js';

const dayMs = 86_400_000;

/**
 * Keeps personal information no longer than the privacy page promises (PIPL):
 * reports closed longer than `retentionDays` are anonymized (the category,
 * status, dates, agency and a rounded position stay for statistics; the
 * tracking number still answers), their photos deleted; call-back names and
 * phones are erased after `callbackRetentionDays` (at once when staff handle
 * them); photos no report links to (left by a crash) are removed.
 * Runs at start and then daily.
 */
export function retentionJob(database: Database, requests: RequestStore, photos: PhotoStore, config: ServerConfig, log: FastifyBaseLogger) {
  const surveys = surveyStore(database);
  let timer: ReturnType<typeof setInterval> | undefined;

  async function run(): Promise<void> {
    const now = Date.now();
    const released = await requests.anonymizeClosedBefore(isoNow(new Date(now - config.retentionDays * dayMs)));
    await photos.discard(released.map((url) => url.slice('/media/'.length)));
    const callbacks = await surveys.eraseCallbacksBefore(new Date(now - config.callbackRetentionDays * dayMs).toISOString());
    const orphans = await photos.removeOrphans(await requests.photoNames());
    if (released.length > 0 || callbacks > 0 || orphans.length > 0) {
      log.info({ photosOfClosedReports: released.length, callbacksErased: callbacks, orphanPhotos: orphans.length }, 'retention: personal data past its time removed');
    }
  }

  return {
    run,
    /** Runs now, then every day; a failed run is logged and tried again the next day. */
    async start(): Promise<void> {
      await run();
      timer = setInterval(() => run().catch((error: unknown) => log.error({ err: error }, 'retention run failed')), dayMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
