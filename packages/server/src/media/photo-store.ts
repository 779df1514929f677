import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
/** Widgets downscale to 1600 px; stored photos are at most this on their long side. */
const maxSide = 2048;
/**
 * The widgets send at most 1600 × 1600 px (2.6 megapixels); this allows
 * 2048 × 2048 (4.2 megapixels) for other clients' downscaled photos, and is
 * checked from the header, before anything is decoded.
 */
export const maxPhotoPixels = maxSide * maxSide;
/**
 * Decoded size: 8-bit RGBA at the pixel limit. A 16-bit PNG needs twice the
 * bytes per pixel and its decoding twice the time, so it gets half the pixels.
 */
const maxDecodedBytes = maxPhotoPixels * 4;
/** Bytes per sample of sharp's pixel formats. */
const sampleBytes: Record<string, number> = { uchar: 1, char: 1, ushort: 2, short: 2, uint: 4, int: 4, float: 4, complex: 8, double: 8, dpcomplex: 16 };
/** Photos decoded at once, over all requests: each takes a core. */
const maxConcurrentDecodes = 2;
/** A file this old that no report names was left by a crash between writing it and storing its report. */
const orphanAfterMs = 5 * 60_000;
/** The names save() gives: anything else in the folder was put there by someone else and is left alone. */
const storedName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg$/;

export class NotAnImageError extends Error {}
/** An image with more than maxPhotoPixels pixels, or more than maxDecodedBytes once decoded. */
export class PhotoTooLargeError extends NotAnImageError {}
/** Too many photos already wait to be decoded: the client should retry shortly (503). */
export class PhotoQueueFullError extends Error {}

export interface PhotoStore {
  /**
   * Checks by content that each part is a JPEG, PNG or WebP image, re-encodes
   * it as JPEG, which drops every bit of metadata (EXIF GPS position, camera,
   * time), and writes it durably. Returns the stored file names. Throws
   * PhotoQueueFullError at once when the photos would not fit in the queue.
   */
  save(photos: Buffer[]): Promise<string[]>;
  /** Removes files of a request that was not stored after all. */
  discard(names: string[]): Promise<void>;
  /**
   * At start: removes stored photos that no report names and that are older
   * than a few minutes, left by a crash between writing them and committing
   * their report. Returns their names.
   */
  removeOrphans(referenced: ReadonlySet<string>): Promise<string[]>;
  readonly dir: string;
}

/** Runs at most `max` tasks at once; the others wait in line. */
function concurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const decodeSlot = concurrencyLimit(maxConcurrentDecodes);

async function reencode(photo: Buffer): Promise<Buffer> {
  let image;
  try {
    image = sharp(photo, { failOn: 'error', limitInputPixels: maxPhotoPixels });
    // metadata() reads the header only: the size is known before anything is decoded.
    const { format, width = 0, height = 0, channels = 4, depth = 'uchar' } = await image.metadata();
    if (!format || !acceptedFormats.has(format)) throw new NotAnImageError(`format ${format ?? 'unknown'}`);
    if (width * height > maxPhotoPixels) throw new PhotoTooLargeError(`${width} × ${height} pixels`);
    const decodedBytes = width * height * channels * (sampleBytes[depth] ?? 8);
    if (decodedBytes > maxDecodedBytes) throw new PhotoTooLargeError(`${width} × ${height} × ${channels} ${depth}: ${decodedBytes} bytes decoded`);
    // rotate() turns the picture upright by its EXIF orientation before the EXIF is dropped.
    return await image
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch (error) {
    if (error instanceof NotAnImageError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw new PhotoTooLargeError(message);
    throw new NotAnImageError(message);
  }
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * A file's own fsync does not make its name durable: the directory entry is
 * written with the directory. (Windows cannot open a directory to sync it,
 * and does not need to.)
 */
async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * `maxQueued`: photos admitted to decoding (waiting or being decoded) over all
 * requests. A request's photos are admitted together or not at all, so a
 * flood of uploads gets 503 at once instead of making a citizen's report wait
 * behind it for minutes.
 */
export function photoStore(dir: string, maxQueued: number): PhotoStore {
  let folderDurable = false;
  let queued = 0;

  /** The folder exists, and its own entry in its parent is on disk. */
  async function ensureFolder(): Promise<void> {
    const created = await mkdir(dir, { recursive: true });
    if (folderDurable && created === undefined) return;
    // Every folder mkdir made, and the one it was made in.
    for (let folder = dir; ; folder = dirname(folder)) {
      await syncDirectory(dirname(folder));
      if (created === undefined || folder === created || dirname(folder) === folder) break;
    }
    folderDurable = true;
  }

  return {
    dir,
    async save(photos) {
      if (queued + photos.length > maxQueued) throw new PhotoQueueFullError(`${queued} photos queued`);
      queued += photos.length;
      let waiting = photos.length;
      // One after another: a request with five photos holds one decode slot at a time.
      const encoded: Buffer[] = [];
      try {
        for (const photo of photos) {
          try {
            encoded.push(await decodeSlot(() => reencode(photo)));
          } finally {
            queued--;
            waiting--;
          }
        }
      } finally {
        // Photos after a refused one are never decoded: give their places back.
        queued -= waiting;
      }
      if (encoded.length === 0) return [];
      await ensureFolder();
      const names: string[] = [];
      try {
        for (const data of encoded) {
          const name = `${randomUUID()}.jpg`;
          await writeDurably(join(dir, name), data);
          names.push(name);
        }
        // The names must be on disk before the report that links to them commits.
        await syncDirectory(dir);
      } catch (error) {
        await this.discard(names);
        throw error;
      }
      return names;
    },
    async discard(names) {
      await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
    },
    async removeOrphans(referenced) {
      let entries: string[];
      try {
        entries = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const cutoff = Date.now() - orphanAfterMs;
      const removed: string[] = [];
      for (const name of entries) {
        if (!storedName.test(name) || referenced.has(name)) continue;
        // Young files may belong to a report another process is storing right now.
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (!info?.isFile() || info.mtimeMs > cutoff) continue;
        await rm(join(dir, name), { force: true });
        removed.push(name);
      }
      if (removed.length > 0) await syncDirectory(dir);
      return removed;
    },
  };
}
