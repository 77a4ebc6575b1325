/**
 * One-off converter: picks the glyphs of GB2312's symbol rows (1-9: CJK punctuation,
 * full-width forms, kana, Greek, Cyrillic, box drawing) and its level-1 hanzi (rows 16-55,
 * 3755 characters) out of GNU Unifont's .hex file and prints the committed table
 * simulator/printer/font/cjk-16.ts. The printer scales these 16x16 glyphs to its 24x24
 * two-byte cell when it draws them (simulator/printer/font/cjk-font.ts).
 *
 *   apt-get install unifont        # Debian 1:15.0.01-2, ships /usr/share/unifont/unifont.hex
 *   npx tsx tools/unifont-to-cjk.ts /usr/share/unifont/unifont.hex > simulator/printer/font/cjk-16.ts
 *
 * Licence: GNU Unifont is dual-licensed, since version 13.0.04, under the SIL Open Font
 * Licence 1.1 and the GNU GPL 2+ with the font embedding exception. poslab takes it under the
 * OFL 1.1, whose text and Unifont's copyright notice are in
 * simulator/printer/font/UNIFONT-OFL-1.1.txt, as the OFL asks of a modified version.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { packGlyph } from './glyph-packing.ts';

const SYMBOL_ROWS = [1, 9] as const;
const LEVEL_1_ROWS = [16, 55] as const;

/** The characters of GB2312 rows `first`..`last`, each row 94 cells from byte 0xA1. */
function gb2312Rows([first, last]: readonly [number, number]): string[] {
  const chars: string[] = [];
  for (let row = first; row <= last; row++) {
    for (let cell = 1; cell <= 94; cell++) {
      const char = iconv.decode(Buffer.from([0xa0 + row, 0xa0 + cell]), 'gb2312');
      if (char.length === 1 && char !== '\ufffd') chars.push(char);
    }
  }
  return chars;
}

/** A .hex line's bitmap as 16 rows of 16 dots; 8-dot-wide glyphs are centred. */
function toRows(hex: string): number[][] {
  const wide = hex.length === 64;
  const width = wide ? 16 : 8;
  const rows: number[][] = [];
  for (let y = 0; y < 16; y++) {
    const bits = parseInt(hex.slice((y * width) / 4, ((y + 1) * width) / 4), 16);
    const row = new Array<number>(16).fill(0);
    for (let x = 0; x < width; x++) if ((bits >> (width - 1 - x)) & 1) row[x + (wide ? 0 : 4)] = 1;
    rows.push(row);
  }
  return rows;
}

function main(path: string): void {
  const hex = new Map<number, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [code, bitmap] = line.split(':');
    if (code && bitmap) hex.set(parseInt(code, 16), bitmap.trim());
  }
  const codes = [...new Set([...gb2312Rows(SYMBOL_ROWS), ...gb2312Rows(LEVEL_1_ROWS)].map((c) => c.codePointAt(0)!))]
    .filter((code) => hex.has(code))
    .sort((a, b) => a - b);
  const out: string[] = [
    '/**',
    ' * Two-byte (Chinese mode) glyphs, 16x16, generated once by tools/unifont-to-cjk.ts from GNU',
    " * Unifont 15.0.01 (Debian's unifont 1:15.0.01-2); do not edit by hand. Used under the SIL Open",
    ' * Font Licence 1.1: see UNIFONT-OFL-1.1.txt beside this file for the licence and copyright notice.',
    ' *',
    ` * ${codes.length} glyphs: GB2312 rows 1-9 (symbols, full-width forms) and level-1 hanzi (rows 16-55),`,
    ' * keyed by Unicode code point, each packed as tools/glyph-packing.ts describes.',
    ' */',
    'export const CJK_16: Readonly<Record<number, string>> = {',
  ];
  for (let i = 0; i < codes.length; i += 4) {
    out.push(`  ${codes.slice(i, i + 4).map((code) => `0x${code.toString(16)}: '${packGlyph(toRows(hex.get(code)!))}'`).join(', ')},`);
  }
  out.push('};', '');
  process.stdout.write(out.join('\n'));
}

main(process.argv[2] ?? '/usr/share/unifont/unifont.hex');
