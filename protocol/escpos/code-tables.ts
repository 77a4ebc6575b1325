/**
 * Which characters the bytes 0x80-0xFF stand for, by `ESC t n` code table, and how two-byte
 * (Chinese mode) text is encoded. The tables come from iconv-lite; this file only says which
 * Epson page number is which encoding. The one page iconv-lite lacks, Epson's Katakana page,
 * is JIS X 0201 katakana plus a row of block and box graphics that is written out here.
 */
import iconv from 'iconv-lite';

/** `ESC t n` → iconv-lite encoding, for the pages iconv-lite has. */
const PAGE_ENCODINGS: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  13: 'cp857',
  14: 'cp737',
  15: 'iso-8859-7',
  16: 'windows-1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  21: 'tis620',
  32: 'cp720',
  33: 'cp775',
  34: 'cp855',
  35: 'cp861',
  36: 'cp862',
  37: 'cp864',
  38: 'cp869',
  39: 'iso-8859-2',
  40: 'iso-8859-15',
  44: 'cp1125',
  45: 'windows-1250',
  46: 'windows-1251',
  47: 'windows-1253',
  48: 'windows-1254',
  49: 'windows-1255',
  50: 'windows-1256',
  51: 'windows-1257',
  52: 'windows-1258',
  53: 'rk1048',
};

/** The page printers start in (ESC @ and power on). */
export const PC437 = 0;
export const KATAKANA = 1;
/** Windows-1252: every Latin-1 character at its own code, which is what the driver uses. */
export const WPC1252 = 16;

/** Epson's Katakana page, 0x80-0x9F: block elements and the box pieces receipt rules use. */
const KATAKANA_GRAPHICS = '▁▂▃▄▅▆▇█▏▎▍▌▋▊▉┼┴┬┤├▔─│▕┌┐└┘╭╮╰╯';
const REPLACEMENT = '\ufffd';

const ASCII = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('');
const tables = new Map<number, readonly string[]>();

function katakanaPage(): string[] {
  const upper: string[] = [...KATAKANA_GRAPHICS, ' '];
  // JIS X 0201 katakana, the half-width forms at U+FF61.. in Unicode.
  for (let byte = 0xa1; byte <= 0xdf; byte++) upper.push(String.fromCodePoint(0xff61 + byte - 0xa1));
  while (upper.length < 0x80) upper.push(REPLACEMENT);
  return [...ASCII, ...upper];
}

/** The 256 characters of code table `n` (index = byte), or undefined for a page we lack. */
export function codeTable(n: number): readonly string[] | undefined {
  const cached = tables.get(n);
  if (cached) return cached;
  let table: string[] | undefined;
  if (n === KATAKANA) table = katakanaPage();
  else if (PAGE_ENCODINGS[n]) {
    const upper = iconv.decode(Buffer.from(Array.from({ length: 0x80 }, (_, i) => 0x80 + i)), PAGE_ENCODINGS[n]);
    table = [...ASCII, ...[...upper].map((char) => (char === '\ufffd' ? REPLACEMENT : char))];
  }
  if (table) tables.set(n, table);
  return table;
}

/** Every page number `codeTable` knows. */
export const CODE_TABLE_PAGES: readonly number[] = [KATAKANA, ...Object.keys(PAGE_ENCODINGS).map(Number)].sort((a, b) => a - b);

/** GB18030 bytes of a string: the encoding of Chinese mode on GB18030 printers. */
export function encodeGb18030(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}

/** Windows-1252 byte of a character, or undefined when the page has none for it. */
export function encodeWpc1252(char: string): number | undefined {
  const bytes = iconv.encode(char, 'windows-1252');
  return bytes.length === 1 && (bytes[0] !== 0x3f || char === '?') ? bytes[0] : undefined;
}
