import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { refusal, retryLater } from '../http/api-error.js';
import { requestLocale } from '../http/locale.js';

/** The only file part any route reads: photos of `POST requests.json`. */
export const photoPartName = 'media';
/** How long a client told the server is busy should wait. */
const busyRetryAfterSeconds = 10;

/**
 * Photo uploads as they arrive: a file part under any other name is refused
 * at its first byte (not read into memory first), and the bytes of photos
 * held in memory across all requests are capped, so that many concurrent
 * uploads answer 503 with Retry-After instead of exhausting the memory
 * (each file is also capped, by `maxPhotoBytes` in app.ts).
 * Each request's bytes are given back when it is answered or aborted.
 */
export function uploadBudget(maxBytesInFlight: number) {
  let inFlight = 0;
  const held = new WeakMap<FastifyRequest, number>();

  const hold = (request: FastifyRequest, bytes: number) => {
    inFlight += bytes;
    held.set(request, (held.get(request) ?? 0) + bytes);
  };

  return {
    /** `@fastify/multipart`'s onFile: reads a `media` part into `part.value`, counting its bytes. */
    async read(request: FastifyRequest, part: MultipartFile): Promise<void> {
      const locale = requestLocale(request);
      if (part.fieldname !== photoPartName) throw refusal(400, locale, 'unexpectedFile', part.fieldname.slice(0, 64));
      const chunks: Buffer[] = [];
      let busy = false;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        // Over the cap, the rest is read and dropped: the client gets a clean 503 rather
        // than a connection cut mid-upload, which a browser reports as a network failure.
        if (busy) continue;
        hold(request, chunk.length);
        if (inFlight > maxBytesInFlight) {
          busy = true;
          chunks.length = 0;
        } else {
          chunks.push(chunk);
        }
      }
      if (busy) throw retryLater(503, locale, 'busy', busyRetryAfterSeconds);
      if (part.file.truncated) throw refusal(413, locale, 'tooLarge');
      part.value = Buffer.concat(chunks);
    },
    /** onResponse and onRequestAbort: the request's photos are no longer held. */
    release(request: FastifyRequest): void {
      inFlight -= held.get(request) ?? 0;
      held.delete(request);
    },
  };
}
