import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/** Draws a bitmap into a `<canvas>`, cropped to a square like a photo picker's thumbnail. */
class DrawThumbnail extends Directive {
  private drawn?: ImageBitmap;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('drawThumbnail() belongs on a <canvas>');
  }

  render(_bitmap: ImageBitmap) {
    return noChange;
  }

  override update(part: ElementPart, [bitmap]: [ImageBitmap]) {
    if (bitmap === this.drawn) return noChange;
    this.drawn = bitmap;
    const canvas = part.element as HTMLCanvasElement;
    const context = canvas.getContext('2d');
    if (context) {
      const side = Math.min(bitmap.width, bitmap.height);
      const x = (bitmap.width - side) / 2;
      const y = (bitmap.height - side) / 2;
      context.drawImage(bitmap, x, y, side, side, 0, 0, canvas.width, canvas.height);
    }
    return noChange;
  }
}

export const drawThumbnail = directive(DrawThumbnail);
