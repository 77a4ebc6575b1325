/**
 * The printer's built-in fonts: Font A (12x24) and Font B (9x17) for one-byte characters,
 * and the 24x24 font for two-byte (Chinese mode) characters.
 */
import { BitmapFont, unpackGlyph } from './bitmap-font.ts';
import type { Glyph } from './bitmap-font.ts';
import { CJK_16 } from './cjk-16.ts';
import { scaleCjkGlyph } from './cjk-scale.ts';
import { FONT_A } from './font-a.ts';
import { FONT_B } from './font-b.ts';

export const fontA = new BitmapFont(FONT_A);
export const fontB = new BitmapFont(FONT_B);

export const CJK_CELL = 24;

/** What a printer prints for a two-byte code it has no glyph for: an empty box. */
function missingGlyph(): Glyph {
  const dots = new Uint8Array(CJK_CELL * CJK_CELL);
  for (let i = 3; i <= 20; i++) {
    dots[3 * CJK_CELL + i] = dots[20 * CJK_CELL + i] = 1;
    dots[i * CJK_CELL + 3] = dots[i * CJK_CELL + 20] = 1;
  }
  return { width: CJK_CELL, height: CJK_CELL, dots };
}

const scaled = new Map<number, Glyph>();
const MISSING = missingGlyph();

export const cjkFont = {
  width: CJK_CELL,
  height: CJK_CELL,
  has: (codePoint: number): boolean => CJK_16[codePoint] !== undefined,
  glyph(codePoint: number): Glyph {
    const packed = CJK_16[codePoint];
    if (packed === undefined) return MISSING;
    let glyph = scaled.get(codePoint);
    if (!glyph) {
      glyph = scaleCjkGlyph(unpackGlyph(packed, 16, 16));
      scaled.set(codePoint, glyph);
    }
    return glyph;
  },
};
