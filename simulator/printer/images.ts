/**
 * Decodes the image commands into bitmaps: raster images (GS v 0 and graphics stored with
 * GS ( L / GS 8 L function 112) are rows of bytes, most significant bit leftmost; column bit
 * images (ESC *) are columns of 1 or 3 bytes, most significant bit on top.
 */
import { readLength } from '../../protocol/escpos/command-layout.ts';
import { Bitmap } from './bitmap.ts';

export interface ScaledImage {
  readonly image: Bitmap;
  readonly scaleX: number;
  readonly scaleY: number;
}

function rasterBitmap(widthBytes: number, height: number, data: readonly number[], offset: number, width = widthBytes * 8): Bitmap {
  const image = new Bitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[offset + y * widthBytes + (x >> 3)] ?? 0;
      if (byte & (0x80 >> (x & 7))) image.dots[y * width + x] = 1;
    }
  }
  return image;
}

/** GS v 0 m xL xH yL yH d..: m 0/48 normal, 1/49 double width, 2/50 double height, 3/51 both. */
export function rasterImage(args: readonly number[]): ScaledImage {
  const m = args[0]! & 0x03;
  const widthBytes = readLength(args, { at: 1, size: 2 });
  const height = readLength(args, { at: 3, size: 2 });
  return { image: rasterBitmap(widthBytes, height, args, 5), scaleX: m & 1 ? 2 : 1, scaleY: m & 2 ? 2 : 1 };
}

/**
 * ESC * m nL nH d..: 8-dot modes (m 0, 1) print each dot three rows tall at 203 dpi, the
 * single-density modes (m 0, 32) two dots wide.
 */
export function columnImage(args: readonly number[]): ScaledImage | undefined {
  const m = args[0]!;
  if (![0, 1, 32, 33].includes(m)) return undefined;
  const columns = readLength(args, { at: 1, size: 2 });
  const bytesPerColumn = m >= 32 ? 3 : 1;
  const image = new Bitmap(columns, bytesPerColumn * 8);
  for (let x = 0; x < columns; x++) {
    for (let b = 0; b < bytesPerColumn; b++) {
      const byte = args[3 + x * bytesPerColumn + b]!;
      for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) image.dots[(b * 8 + bit) * columns + x] = 1;
    }
  }
  return { image, scaleX: m === 0 || m === 32 ? 2 : 1, scaleY: m < 32 ? 3 : 1 };
}

export type GraphicsAction = { readonly kind: 'store'; readonly graphics: ScaledImage } | { readonly kind: 'print' } | { readonly kind: 'other' };

/**
 * GS ( L / GS 8 L: `lengthBytes` is 2 or 4. Function 112 (m 48) stores a monochrome raster
 * (a = 48, bx, by, c = 49, xL xH yL yH, data) in the print buffer; function 50 (or 2) prints it.
 */
export function graphicsCommand(args: readonly number[], lengthBytes: 2 | 4): GraphicsAction {
  const fn = args[lengthBytes + 1];
  if (fn === 50 || fn === 2) return { kind: 'print' };
  if (fn !== 112 || args[lengthBytes + 2] !== 48) return { kind: 'other' };
  const at = lengthBytes + 2;
  const [bx, by] = [args[at + 1]!, args[at + 2]!];
  const width = readLength(args, { at: at + 4, size: 2 });
  const height = readLength(args, { at: at + 6, size: 2 });
  const image = rasterBitmap(Math.ceil(width / 8), height, args, at + 8, width);
  return { kind: 'store', graphics: { image, scaleX: bx === 2 ? 2 : 1, scaleY: by === 2 ? 2 : 1 } };
}
