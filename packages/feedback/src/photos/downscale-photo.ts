const longestSide = 1600;

export interface PreparedPhoto {
  blob: Blob;
  name: string;
  /** Kept to draw the thumbnail: a canvas needs no blob: URL, which a strict CSP's img-src would block. */
  bitmap: ImageBitmap;
}

/**
 * Shrinks a photo to at most 1600 px on its long side and re-encodes it as JPEG
 * before upload: a phone photo drops from megabytes to a few hundred kilobytes,
 * which matters on a poor network, and re-encoding drops EXIF data (GPS included).
 */
export async function downscalePhoto(file: File): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, longestSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  // JPEG has no transparency: paint white below so transparent PNGs do not turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return { blob, name: jpegName(file.name), bitmap };
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60);
  return `${base || 'photo'}.jpg`;
}
