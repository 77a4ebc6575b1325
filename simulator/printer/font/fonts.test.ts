import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { packGlyph } from '../../../tools/glyph-packing.ts';
import { CODE_TABLE_PAGES, codeTable } from '../../../protocol/escpos/code-tables.ts';
import { unpackGlyph } from './bitmap-font.ts';
import type { Glyph } from './bitmap-font.ts';
import { scaleCjkGlyph } from './cjk-scale.ts';
import { cjkFont, fontA, fontB } from './fonts.ts';

function rows(glyph: Glyph): number[][] {
  return Array.from({ length: glyph.height }, (_, y) => [...glyph.dots.subarray(y * glyph.width, (y + 1) * glyph.width)]);
}

describe('printer fonts', () => {
  it('unpacks exactly what the converter packed', () => {
    const bitmap = fc.integer({ min: 1, max: 24 }).chain((w) => fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: w, maxLength: w }), { minLength: 1, maxLength: 24 }));
    fc.assert(
      fc.property(bitmap, (glyphRows) => {
        expect(rows(unpackGlyph(packGlyph(glyphRows), glyphRows[0]!.length, glyphRows.length))).toEqual(glyphRows);
      }),
      { seed: 7 },
    );
  });

  it('has Font A and Font B glyphs for printable ASCII and most of PC437 and WPC1252', () => {
    for (let code = 0x21; code < 0x7f; code++) {
      expect(fontA.has(code) && fontB.has(code), String.fromCharCode(code)).toBe(true);
      expect(fontA.glyph(code).dots.some(Boolean)).toBe(true);
    }
    for (const page of [0, 16]) {
      const missing = codeTable(page)!.slice(0xa0).filter((char) => !fontA.has(char.codePointAt(0)!));
      expect(missing, `page ${page}`).toEqual([]);
    }
    expect(CODE_TABLE_PAGES).toContain(1);
  });

  it('joins box-drawing rules across cells', () => {
    const line = fontA.glyph(0x2500);
    const row = rows(line).find((r) => r.some(Boolean))!;
    expect(row.every(Boolean)).toBe(true);
  });

  it('scales 16x16 Unifont hanzi to the 24x24 cell, keeping 1-dot gaps open', () => {
    const zhong = cjkFont.glyph('中'.codePointAt(0)!);
    expect([zhong.width, zhong.height]).toEqual([24, 24]);
    // Two parallel 1-dot horizontal strokes one dot apart stay apart.
    const source = unpackGlyph(packGlyph(Array.from({ length: 16 }, (_, y) => Array.from({ length: 16 }, () => (y === 6 || y === 8 ? 1 : 0)))), 16, 16);
    const scaled = rows(scaleCjkGlyph(source)).map((r) => r.some(Boolean));
    expect(scaled.filter(Boolean)).toHaveLength(2);
    expect(scaled.indexOf(true) + 1).toBeLessThan(scaled.lastIndexOf(true));
    expect(cjkFont.has('签'.codePointAt(0)!)).toBe(true);
    expect(cjkFont.has('鑫'.codePointAt(0)!)).toBe(false);
  });
});
