/**
 * A block of dots the print head lays down in one go (a text line, a bar code, an image),
 * one byte per dot, 1 = black. The paper packs bands into bits once they are printed.
 */
import type { Glyph } from './font/bitmap-font.ts';

export interface GlyphStyle {
  readonly scaleX: number;
  readonly scaleY: number;
  /** Emphasis as thermal heads do it: every dot struck again one dot to the right. */
  readonly bold: boolean;
  /** White on black: the glyph's cell is filled and its dots left white. */
  readonly reverse: boolean;
}

export class Bitmap {
  readonly dots: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.dots = new Uint8Array(width * height);
  }

  get(x: number, y: number): number {
    return x < 0 || y < 0 || x >= this.width || y >= this.height ? 0 : this.dots[y * this.width + x]!;
  }

  /** Sets (or, with value 0, clears) a rectangle, clipped to the bitmap. */
  fill(x: number, y: number, w: number, h: number, value = 1): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    if (x1 <= x0) return;
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      this.dots.fill(value, row * this.width + x0, row * this.width + x1);
    }
  }

  /** Draws a glyph with its top-left corner at (x, y) in a cell `cellWidth` dots wide. */
  drawGlyph(glyph: Glyph, x: number, y: number, cellWidth: number, style: GlyphStyle): void {
    const { scaleX, scaleY } = style;
    const ink = style.reverse ? 0 : 1;
    if (style.reverse) this.fill(x, y, cellWidth, glyph.height * scaleY);
    const dotWidth = scaleX + (style.bold ? 1 : 0);
    for (let gy = 0; gy < glyph.height; gy++) {
      for (let gx = 0; gx < glyph.width; gx++) {
        if (glyph.dots[gy * glyph.width + gx]) this.fill(x + gx * scaleX, y + gy * scaleY, dotWidth, scaleY, ink);
      }
    }
  }

  /** Copies another bitmap's black dots in at (x, y), each dot scaled. */
  blit(source: Bitmap, x: number, y: number, scaleX = 1, scaleY = 1): void {
    for (let sy = 0; sy < source.height; sy++) {
      for (let sx = 0; sx < source.width; sx++) {
        if (source.dots[sy * source.width + sx]) this.fill(x + sx * scaleX, y + sy * scaleY, scaleX, scaleY);
      }
    }
  }
}
