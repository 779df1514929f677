import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
/** Larger than any phone photo; stops decompression bombs before they are decoded. */
const maxInputPixels = 50_000_000;
/** Widgets downscale to 1600 px; this keeps other clients' uploads reasonable too. */
const maxSide = 2048;

export class NotAnImageError extends Error {}

export interface PhotoStore {
  /**
   * Checks by content that each part is a JPEG, PNG or WebP image, re-encodes
   * it as JPEG, which drops every bit of metadata (EXIF GPS position, camera,
   * time), and writes it durably. Returns the stored file names.
   */
  save(photos: Buffer[]): Promise<string[]>;
  /** Removes files of a request that was not stored after all. */
  discard(names: string[]): Promise<void>;
  readonly dir: string;
}

async function reencode(photo: Buffer): Promise<Buffer> {
  let image;
  try {
    image = sharp(photo, { failOn: 'error', limitInputPixels: maxInputPixels });
    const { format } = await image.metadata();
    if (!format || !acceptedFormats.has(format)) throw new NotAnImageError(`format ${format ?? 'unknown'}`);
    // rotate() turns the picture upright by its EXIF orientation before the EXIF is dropped.
    return await image
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch (error) {
    if (error instanceof NotAnImageError) throw error;
    throw new NotAnImageError(error instanceof Error ? error.message : String(error));
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

export function photoStore(dir: string): PhotoStore {
  return {
    dir,
    async save(photos) {
      const encoded = await Promise.all(photos.map(reencode));
      await mkdir(dir, { recursive: true });
      const names: string[] = [];
      try {
        for (const data of encoded) {
          const name = `${randomUUID()}.jpg`;
          await writeDurably(join(dir, name), data);
          names.push(name);
        }
      } catch (error) {
        await this.discard(names);
        throw error;
      }
      return names;
    },
    async discard(names) {
      await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
    },
  };
}
