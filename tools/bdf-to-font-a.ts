/**
 * One-off converter: reads a BDF bitmap font (misc-fixed 10x20 from Debian's xfonts-base,
 * turned into BDF with `pcf2bdf`) and prints the committed glyph table
 * simulator/printer/font/font-a.ts. Each glyph is centred in a 12x24 cell, the size of an
 * ESC/POS printer's Font A, so receipts keep their real column count (32 at 384 dots).
 *
 *   zcat /usr/share/fonts/X11/misc/10x20.pcf.gz > /tmp/10x20.pcf
 *   pcf2bdf -o /tmp/10x20.bdf /tmp/10x20.pcf
 *   npx tsx tools/bdf-to-font-a.ts /tmp/10x20.bdf > simulator/printer/font/font-a.ts
 */
import { readFileSync } from 'node:fs';

const CELL_WIDTH = 12;
const CELL_HEIGHT = 24;
const REPLACEMENT = 0xfffd;

interface BdfGlyph {
  readonly encoding: number;
  readonly width: number;
  readonly height: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly rows: readonly bigint[];
}

interface BdfFont {
  readonly name: string;
  readonly copyright: string;
  readonly ascent: number;
  readonly descent: number;
  readonly glyphs: ReadonlyMap<number, BdfGlyph>;
}

function parseBdf(text: string): BdfFont {
  const lines = text.split('\n');
  let name = '';
  let copyright = '';
  let ascent = 0;
  let descent = 0;
  const glyphs = new Map<number, BdfGlyph>();
  for (let i = 0; i < lines.length; i++) {
    const [key, ...rest] = lines[i]!.trim().split(/\s+/);
    if (key === 'FONT') name = rest.join(' ');
    else if (key === 'COPYRIGHT') copyright = lines[i]!.trim().slice('COPYRIGHT '.length).replace(/^"|"$/g, '');
    else if (key === 'FONT_ASCENT') ascent = Number(rest[0]);
    else if (key === 'FONT_DESCENT') descent = Number(rest[0]);
    else if (key === 'STARTCHAR') {
      let encoding = -1;
      let box = [0, 0, 0, 0];
      const rows: bigint[] = [];
      for (i++; i < lines.length; i++) {
        const [k, ...r] = lines[i]!.trim().split(/\s+/);
        if (k === 'ENCODING') encoding = Number(r[0]);
        else if (k === 'BBX') box = r.map(Number);
        else if (k === 'BITMAP') {
          for (i++; lines[i]!.trim() !== 'ENDCHAR'; i++) rows.push(BigInt(`0x${lines[i]!.trim()}`));
          break;
        }
      }
      const [width, height, xOffset, yOffset] = box as [number, number, number, number];
      glyphs.set(encoding, { encoding, width, height, xOffset, yOffset, rows });
    }
  }
  return { name, copyright, ascent, descent, glyphs };
}

/** The glyph as CELL_HEIGHT rows of CELL_WIDTH bits, most significant bit leftmost. */
function toCell(font: BdfFont, glyph: BdfGlyph): number[] {
  const padX = Math.floor((CELL_WIDTH - (font.glyphs.get(0x41)?.width ?? CELL_WIDTH)) / 2);
  const padY = Math.floor((CELL_HEIGHT - (font.ascent + font.descent)) / 2);
  const cell = new Array<number>(CELL_HEIGHT).fill(0);
  const rowBits = Math.ceil(glyph.width / 8) * 8;
  const top = padY + font.ascent - (glyph.yOffset + glyph.height);
  glyph.rows.forEach((bits, r) => {
    const y = top + r;
    if (y < 0 || y >= CELL_HEIGHT) return;
    for (let c = 0; c < glyph.width; c++) {
      const on = (bits >> BigInt(rowBits - 1 - c)) & 1n;
      const x = padX + glyph.xOffset + c;
      if (on && x >= 0 && x < CELL_WIDTH) cell[y]! |= 1 << (CELL_WIDTH - 1 - x);
    }
  });
  return cell;
}

function wanted(): number[] {
  const codes: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) codes.push(c);
  for (let c = 0xa0; c <= 0xff; c++) codes.push(c);
  codes.push(REPLACEMENT);
  return codes;
}

function label(code: number): string {
  if (code > 0x20 && code < 0x7f && code !== 0x5c) return String.fromCodePoint(code);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function main(path: string): void {
  const font = parseBdf(readFileSync(path, 'latin1'));
  const out: string[] = [
    '/**',
    ' * Font A glyphs (12x24 cells) for the emulated receipt printer, generated once by',
    ' * tools/bdf-to-font-a.ts; do not edit by hand.',
    ' *',
    ` * Source: ${font.name}`,
    " * (misc-fixed 10x20 from X.Org's font-misc-misc, as shipped in Debian's xfonts-base),",
    ' * each glyph centred in a 12x24 cell. Licence of the source font, verbatim from its',
    ` * COPYRIGHT property: "${font.copyright}"`,
    ' *',
    ' * Each string is 24 rows of 3 hex digits; bit 11 of a row is the leftmost dot.',
    ' * Covers printable ASCII, Latin-1 0xA0-0xFF and U+FFFD for anything else.',
    ' */',
    'export const FONT_A_CELL = { width: 12, height: 24 } as const;',
    '',
    'export const FONT_A_REPLACEMENT = 0xfffd;',
    '',
    'export const FONT_A_ROWS: Readonly<Record<number, string>> = {',
  ];
  for (const code of wanted()) {
    const glyph = font.glyphs.get(code);
    if (!glyph) throw new Error(`font has no glyph for U+${code.toString(16)}`);
    const hex = toCell(font, glyph)
      .map((row) => row.toString(16).padStart(3, '0'))
      .join('');
    out.push(`  0x${code.toString(16).padStart(2, '0')}: '${hex}', // ${label(code)}`);
  }
  out.push('};', '');
  process.stdout.write(out.join('\n'));
}

main(process.argv[2] ?? '/tmp/10x20.bdf');
