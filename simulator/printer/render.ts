/**
 * Draws a printed receipt as the thermal paper looks: black dots on white, one PNG pixel per
 * printer dot (203 dpi), with the blank paper above the first line and below the last that
 * the head-to-cutter distance leaves. The PNG is 1-bit greyscale, as the paper has two colours,
 * and the encoder settings are fixed, so the same receipt always gives byte-identical files
 * that reports can show and tests compare with pixelmatch.
 */
import { encode } from 'fast-png';
import type { PaperRaster, PrintedReceipt } from './receipt.ts';

export const TOP_MARGIN_DOTS = 24;
export const BOTTOM_MARGIN_DOTS = 48;

/**
 * The receipt on paper at least `widthDots` wide (default: the printer's head width); a
 * receipt from a narrower head is centred, one from a wider head is never cut down.
 */
export function renderReceiptPng(receipt: Pick<PrintedReceipt, 'raster'>, widthDots?: number): Uint8Array {
  return renderRasterPng(receipt.raster, widthDots);
}

export function renderRasterPng(raster: PaperRaster, widthDots = raster.width): Uint8Array {
  const width = Math.max(widthDots, raster.width);
  const height = TOP_MARGIN_DOTS + raster.height + BOTTOM_MARGIN_DOTS;
  // 1-bit greyscale: a set bit is white paper, a clear bit a burnt dot — the raster's opposite.
  const pngRowBytes = Math.ceil(width / 8);
  const pixels = new Uint8Array(pngRowBytes * height).fill(0xff);
  const left = Math.floor((width - raster.width) / 2);
  const bytesPerRow = raster.width / 8;
  for (let y = 0; y < raster.height; y++) {
    const row = (TOP_MARGIN_DOTS + y) * pngRowBytes;
    for (let x = 0; x < raster.width; x++) {
      const px = left + x;
      if (px < 0 || px >= width) continue;
      if (raster.rows[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) pixels[row + (px >> 3)]! &= ~(0x80 >> (px & 7));
    }
  }
  return encode({ width, height, data: pixels, depth: 1, channels: 1 }, { zlib: { level: 9 } });
}

/** Gap between two receipts on one image, with a dashed line where the cutter cut. */
const CUT_GAP_DOTS = 24;

/** Several pieces of paper, one under the other, as one raster (for `poslab print-render`). */
export function joinRasters(rasters: readonly PaperRaster[], width: number): PaperRaster {
  const bytesPerRow = width / 8;
  const height = rasters.reduce((sum, raster) => sum + raster.height, 0) + CUT_GAP_DOTS * Math.max(0, rasters.length - 1);
  const rows = new Uint8Array(height * bytesPerRow);
  let top = 0;
  rasters.forEach((raster, i) => {
    if (i > 0) {
      const cutRow = (top + CUT_GAP_DOTS / 2) * bytesPerRow;
      for (let b = 0; b < bytesPerRow; b++) rows[cutRow + b] = 0xf0;
      top += CUT_GAP_DOTS;
    }
    const from = raster.width / 8;
    for (let y = 0; y < raster.height; y++) rows.set(raster.rows.subarray(y * from, y * from + Math.min(from, bytesPerRow)), (top + y) * bytesPerRow);
    top += raster.height;
  });
  return { width, height, rows };
}
