/**
 * Font A glyph bitmaps for the renderer, decoded once from the committed table so rendering
 * never depends on fonts installed on the machine.
 */
import { FONT_A_CELL, FONT_A_REPLACEMENT, FONT_A_ROWS } from './font-a.ts';

/** One glyph: FONT_A_CELL.height rows, bit (width - 1 - x) of a row is the dot at column x. */
export type GlyphRows = readonly number[];

const decoded = new Map<number, GlyphRows>();

function decode(hex: string): GlyphRows {
  const rows: number[] = [];
  for (let y = 0; y < FONT_A_CELL.height; y++) rows.push(parseInt(hex.slice(y * 3, y * 3 + 3), 16));
  return rows;
}

for (const [code, hex] of Object.entries(FONT_A_ROWS)) decoded.set(Number(code), decode(hex));

/** The glyph for a code point, or the replacement glyph when Font A has none. */
export function fontAGlyph(codePoint: number): GlyphRows {
  return decoded.get(codePoint) ?? decoded.get(FONT_A_REPLACEMENT)!;
}
