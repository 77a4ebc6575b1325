import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { oneBitPng } from './receipt-png.ts';

function greyPng(width: number, height: number, dark: (x: number, y: number) => boolean): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = dark(x, y) ? 0 : 255;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 6, bitDepth: 8 }).toString('base64');
}

describe('oneBitPng', () => {
  it('keeps every dot, and is smaller than the 8-bit original', () => {
    const dark = (x: number, y: number) => (x * 7 + y * 3) % 11 < 4 || (x > 100 && x < 120);
    const original = greyPng(384, 200, dark);
    const compact = oneBitPng(original);
    const decoded = PNG.sync.read(Buffer.from(compact, 'base64'));
    expect([decoded.width, decoded.height]).toEqual([384, 200]);
    for (let y = 0; y < 200; y += 7) {
      for (let x = 0; x < 384; x += 5) expect(decoded.data[(y * 384 + x) * 4]).toBe(dark(x, y) ? 0 : 255);
    }
    expect(compact.length).toBeLessThan(original.length);
  });

  it('handles widths that are not a multiple of 8', () => {
    const decoded = PNG.sync.read(Buffer.from(oneBitPng(greyPng(13, 3, (x) => x === 12)), 'base64'));
    expect(decoded.data[12 * 4]).toBe(0);
    expect(decoded.data[11 * 4]).toBe(255);
  });
});
