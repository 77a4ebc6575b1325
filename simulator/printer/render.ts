/**
 * Draws a printed receipt as the thermal paper would look: black dots on white, one PNG pixel
 * per printer dot. Pixels are only 0 or 255 and the encoder settings are fixed, so the same
 * receipt always gives byte-identical PNG files that reports can diff.
 */
import { PNG } from 'pngjs';
import { FONT_A_CELL } from './font/font-a.ts';
import { fontAGlyph } from './font/glyphs.ts';
import type { PrintedLine, PrintedReceipt } from './receipt.ts';

/** ESC/POS default line spacing at 203 dpi (about 1/6 inch, as printers ship). */
export const LINE_SPACING_DOTS = 30;
const TOP_MARGIN_DOTS = 24;
const BOTTOM_MARGIN_DOTS = 48;
const BLACK = 0;
const WHITE = 255;

/** A line feeds by the line spacing, or by its characters' height when they are taller. */
function lineAdvance(line: PrintedLine): number {
  if (line.text === '') return LINE_SPACING_DOTS;
  return Math.max(LINE_SPACING_DOTS, FONT_A_CELL.height * line.heightScale);
}

class Bitmap {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height).fill(WHITE);
  }

  fill(x: number, y: number, w: number, h: number): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      this.pixels.fill(BLACK, row * this.width + x0, row * this.width + Math.max(x0, x1));
    }
  }
}

function drawLine(bitmap: Bitmap, line: PrintedLine, top: number): void {
  const chars = [...line.text];
  const cellWidth = FONT_A_CELL.width * line.widthScale;
  const lineWidth = chars.length * cellWidth;
  const room = Math.max(0, bitmap.width - lineWidth);
  const left = line.align === 'left' ? 0 : line.align === 'center' ? Math.floor(room / 2) : room;
  // Emphasis is printed the way thermal heads do it: each dot struck again one dot to the right.
  const dotWidth = line.widthScale + (line.bold ? 1 : 0);
  chars.forEach((char, i) => {
    const rows = fontAGlyph(char.codePointAt(0)!);
    const cellLeft = left + i * cellWidth;
    rows.forEach((bits, y) => {
      for (let x = 0; x < FONT_A_CELL.width; x++) {
        if ((bits >> (FONT_A_CELL.width - 1 - x)) & 1) {
          bitmap.fill(cellLeft + x * line.widthScale, top + y * line.heightScale, dotWidth, line.heightScale);
        }
      }
    });
  });
}

/** The receipt as a greyscale PNG `widthDots` wide (the print head's width). */
export function renderReceiptPng(receipt: PrintedReceipt, widthDots: 384 | 576): Uint8Array {
  const body = receipt.lines.reduce((sum, line) => sum + lineAdvance(line), 0);
  const bitmap = new Bitmap(widthDots, TOP_MARGIN_DOTS + body + BOTTOM_MARGIN_DOTS);
  let top = TOP_MARGIN_DOTS;
  for (const line of receipt.lines) {
    drawLine(bitmap, line, top);
    top += lineAdvance(line);
  }
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  png.data = Buffer.from(bitmap.pixels);
  return new Uint8Array(
    PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false, deflateLevel: 9, filterType: 0 }),
  );
}
