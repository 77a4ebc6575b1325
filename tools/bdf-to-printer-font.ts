/**
 * One-off converter: reads a BDF bitmap font and prints a committed glyph table for the
 * emulated printer's one-byte fonts, covering every character of every `ESC t` code table
 * the printer knows (protocol/escpos/code-tables.ts) that the source font has.
 *
 *   Font A, 12x24 cells, from misc-fixed 10x20 (Debian xfonts-base):
 *     zcat /usr/share/fonts/X11/misc/10x20.pcf.gz > /tmp/10x20.pcf && pcf2bdf -o /tmp/10x20.bdf /tmp/10x20.pcf
 *     npx tsx tools/bdf-to-printer-font.ts A /tmp/10x20.bdf > simulator/printer/font/font-a.ts
 *   Font B, 9x17 cells, from misc-fixed 7x14:
 *     npx tsx tools/bdf-to-printer-font.ts B /tmp/7x14.bdf > simulator/printer/font/font-b.ts
 *
 * Each glyph is centred in the printer's cell. Box-drawing and block characters are
 * stretched to the cell's edges so that rules drawn with them join up, as on a printer.
 */
import { readFileSync } from 'node:fs';
import { CODE_TABLE_PAGES, codeTable } from '../protocol/escpos/code-tables.ts';
import { packGlyph } from './glyph-packing.ts';

const CELLS = { A: { width: 12, height: 24 }, B: { width: 9, height: 17 } } as const;
const REPLACEMENT = 0xfffd;

interface BdfGlyph {
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
  readonly cellWidth: number;
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
      glyphs.set(encoding, { width, height, xOffset, yOffset, rows });
    }
  }
  const cellWidth = glyphs.get(0x41)?.width ?? 0;
  return { name, copyright, ascent, descent, cellWidth, glyphs };
}

function isRuleCharacter(code: number): boolean {
  return code >= 0x2500 && code <= 0x259f;
}

/** The glyph as `height` rows of `width` dots (1 = black). */
function toCell(font: BdfFont, code: number, cell: { width: number; height: number }): number[][] {
  const glyph = font.glyphs.get(code)!;
  const padX = Math.floor((cell.width - font.cellWidth) / 2);
  const padY = Math.floor((cell.height - (font.ascent + font.descent)) / 2);
  const dots = Array.from({ length: cell.height }, () => new Array<number>(cell.width).fill(0));
  const rowBits = Math.ceil(glyph.width / 8) * 8;
  const top = padY + font.ascent - (glyph.yOffset + glyph.height);
  glyph.rows.forEach((bits, r) => {
    const y = top + r;
    if (y < 0 || y >= cell.height) return;
    for (let c = 0; c < glyph.width; c++) {
      const x = padX + glyph.xOffset + c;
      if ((bits >> BigInt(rowBits - 1 - c)) & 1n && x >= 0 && x < cell.width) dots[y]![x] = 1;
    }
  });
  if (isRuleCharacter(code)) {
    const [left, right] = [padX, padX + font.cellWidth - 1];
    const [upper, lower] = [padY, padY + font.ascent + font.descent - 1];
    for (const row of dots) {
      if (row[left]) row.fill(1, 0, left);
      if (row[right]) row.fill(1, right + 1);
    }
    for (let x = 0; x < cell.width; x++) {
      if (dots[upper]![x]) for (let y = 0; y < upper; y++) dots[y]![x] = 1;
      if (dots[lower]![x]) for (let y = lower + 1; y < cell.height; y++) dots[y]![x] = 1;
    }
  }
  return dots;
}

function wanted(font: BdfFont): number[] {
  const codes = new Set<number>([REPLACEMENT]);
  for (let c = 0x20; c <= 0x7e; c++) codes.add(c);
  for (const page of CODE_TABLE_PAGES) for (const char of codeTable(page)!.slice(0x80)) codes.add(char.codePointAt(0)!);
  return [...codes].filter((code) => font.glyphs.has(code)).sort((a, b) => a - b);
}

function main(which: string, path: string): void {
  if (which !== 'A' && which !== 'B') throw new Error('usage: bdf-to-printer-font.ts A|B FILE.bdf');
  const cell = CELLS[which];
  const font = parseBdf(readFileSync(path, 'latin1'));
  const codes = wanted(font);
  const out: string[] = [
    '/**',
    ` * Font ${which} glyphs (${cell.width}x${cell.height} cells) for the emulated receipt printer, generated once by`,
    ' * tools/bdf-to-printer-font.ts; do not edit by hand.',
    ' *',
    ` * Source: ${font.name}`,
    " * (misc-fixed from X.Org's font-misc-misc, as shipped in Debian's xfonts-base), each glyph",
    ' * centred in the cell, box-drawing glyphs stretched to its edges. Licence of the source font,',
    ` * verbatim from its COPYRIGHT property: "${font.copyright}"`,
    ' *',
    ` * ${codes.length} glyphs: printable ASCII and whatever the ESC t code tables reach that the source has.`,
    ' * Each string is the glyph packed by tools/glyph-packing.ts: rows top to bottom, dots left',
    ' * to right, most significant bit first, in base64.',
    ' */',
    `export const FONT_${which} = {`,
    `  width: ${cell.width},`,
    `  height: ${cell.height},`,
    `  replacement: 0x${REPLACEMENT.toString(16)},`,
    '  glyphs: {',
  ];
  for (const code of codes) {
    out.push(`    0x${code.toString(16)}: '${packGlyph(toCell(font, code, cell))}',`);
  }
  out.push('  } as Readonly<Record<number, string>>,', '} as const;', '');
  process.stdout.write(out.join('\n'));
}

main(process.argv[2] ?? '', process.argv[3] ?? '');
