/**
 * The ESC/POS commands poslab knows, as data: prefix bytes, argument layout, meaning. The
 * driver builds its bytes from this table and the emulated printer parses incoming bytes
 * with it, so both ends agree by construction. No prefix is a prefix of another, which lets a
 * byte-at-a-time parser decide. Commands the printer does not act on (page mode, drawer
 * kick, macros...) are listed all the same, so their argument bytes are skipped and never
 * printed as text, as a real printer does.
 *
 * Facts are from Epson's ESC/POS reference (TM-T88/TM-T20 class, 203 dpi): argument
 * layouts, status bits, defaults.
 */
import { PoslabError } from '../../platform/errors.ts';
import { counted, fixed } from './command-layout.ts';
import type { ArgLayout } from './command-layout.ts';

export const HT = 0x09;
export const LF = 0x0a;
export const FF = 0x0c;
export const CR = 0x0d;
export const DLE = 0x10;
export const EOT = 0x04;
export const CAN = 0x18;
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;

export interface EscPosCommand {
  readonly name: string;
  readonly prefix: readonly number[];
  readonly args: ArgLayout;
  readonly meaning: string;
}

const c = (char: string): number => char.charCodeAt(0);
const command = <N extends string>(name: N, prefix: readonly number[], args: ArgLayout, meaning: string) =>
  ({ name, prefix, args, meaning }) as const;

/** GS ( x pL pH ...: one entry per function letter. */
const gsParen = (letter: string, name: string, meaning: string) => command(name, [GS, c('('), c(letter)], counted(2), meaning);

const TABLE = [
  // Printing and feeding
  command('line-feed', [LF], fixed(0), 'LF: print the line buffer, feed one line'),
  command('horizontal-tab', [HT], fixed(0), 'HT: move to the next tab position'),
  command('carriage-return', [CR], fixed(0), 'CR: ignored (no automatic line feed)'),
  command('form-feed', [FF], fixed(0), 'FF: page mode only; ignored in standard mode'),
  command('cancel-page', [CAN], fixed(0), 'CAN: page mode only'),
  command('print-and-feed-lines', [ESC, c('d')], fixed(1), 'ESC d n: print the line buffer, feed n lines'),
  command('print-and-feed-dots', [ESC, c('J')], fixed(1), 'ESC J n: print the line buffer, feed n dots'),
  command('print-and-reverse-feed', [ESC, c('e')], fixed(1), 'ESC e n: reverse feed; ignored'),
  command('line-spacing-default', [ESC, c('2')], fixed(0), 'ESC 2: default line spacing (30 dots)'),
  command('line-spacing', [ESC, c('3')], fixed(1), 'ESC 3 n: line spacing n dots'),
  // Character style
  command('initialise', [ESC, c('@')], fixed(0), 'ESC @: clear the line buffer, every mode back to power-on'),
  command('print-mode', [ESC, c('!')], fixed(1), 'ESC ! n: bit 0 font B, 3 bold, 4 double height, 5 double width, 7 underline'),
  command('bold', [ESC, c('E')], fixed(1), 'ESC E n: emphasised on when bit 0 of n is set'),
  command('double-strike', [ESC, c('G')], fixed(1), 'ESC G n: double strike, printed as emphasis'),
  command('underline', [ESC, c('-')], fixed(1), 'ESC - n: 0/48 off, 1/49 one dot, 2/50 two dots'),
  command('character-size', [GS, c('!')], fixed(1), 'GS ! n: high nibble width - 1, low nibble height - 1 (x1..x8)'),
  command('reverse', [GS, c('B')], fixed(1), 'GS B n: white on black when bit 0 is set'),
  command('font', [ESC, c('M')], fixed(1), 'ESC M n: 0/48 Font A 12x24, 1/49 Font B 9x17'),
  command('right-spacing', [ESC, c(' ')], fixed(1), 'ESC SP n: n dots after each character'),
  command('upside-down', [ESC, c('{')], fixed(1), 'ESC { n: upside-down printing; ignored'),
  command('rotate', [ESC, c('V')], fixed(1), 'ESC V n: 90 degree rotation; ignored'),
  command('smoothing', [GS, c('b')], fixed(1), 'GS b n: smoothing; ignored'),
  command('colour', [ESC, c('r')], fixed(1), 'ESC r n: second colour; ignored on thermal paper'),
  command('user-characters', [ESC, c('%')], fixed(1), 'ESC % n: user-defined character set; ignored'),
  command('cancel-user-character', [ESC, c('?')], fixed(1), 'ESC ? n: ignored'),
  // Code tables and Chinese mode
  command('code-table', [ESC, c('t')], fixed(1), 'ESC t n: character code table for bytes 0x80-0xFF'),
  command('international-set', [ESC, c('R')], fixed(1), 'ESC R n: international character set; kept as USA'),
  command('chinese-mode-on', [FS, c('&')], fixed(0), 'FS &: two-byte (GB18030) characters from here on'),
  command('chinese-mode-off', [FS, c('.')], fixed(0), 'FS .: back to one-byte characters'),
  command('kanji-print-mode', [FS, c('!')], fixed(1), 'FS ! n: for two-byte characters: bit 2 double width, 3 double height, 7 underline'),
  command('kanji-underline', [FS, c('-')], fixed(1), 'FS - n: underline for two-byte characters'),
  command('kanji-code-system', [FS, c('C')], fixed(1), 'FS C n: JIS / Shift JIS; ignored (GB18030 printer)'),
  command('kanji-spacing', [FS, c('S')], fixed(2), 'FS S n1 n2: spacing around two-byte characters; ignored'),
  command('kanji-quadruple', [FS, c('W')], fixed(1), 'FS W n: quadruple size for two-byte characters'),
  command('define-kanji', [FS, c('2')], fixed(74), 'FS 2 c1 c2 d1..d72: user-defined two-byte character; ignored'),
  command('cancel-kanji', [FS, c('?')], fixed(2), 'FS ? c1 c2: ignored'),
  command('kanji-font', [FS, c('('), c('A')], counted(2), 'FS ( A: two-byte character font; ignored'),
  command('fs-paren-c', [FS, c('('), c('C')], counted(2), 'FS ( C: character code page settings; ignored'),
  command('fs-paren-e', [FS, c('('), c('E')], counted(2), 'FS ( E: receipt enhancement; ignored'),
  command('fs-paren-l', [FS, c('('), c('L')], counted(2), 'FS ( L: label and black mark; ignored'),
  command('fs-paren-e-lower', [FS, c('('), c('e')], counted(2), 'FS ( e: automatic status back; ignored'),
  // Layout
  command('align', [ESC, c('a')], fixed(1), 'ESC a n: 0/48 left, 1/49 centre, 2/50 right'),
  command('left-margin', [GS, c('L')], fixed(2), 'GS L nL nH: left margin in dots'),
  command('print-area-width', [GS, c('W')], fixed(2), 'GS W nL nH: printing area width in dots'),
  command('absolute-position', [ESC, c('$')], fixed(2), 'ESC $ nL nH: next character at this dot from the left margin'),
  command('relative-position', [ESC, c('\\')], fixed(2), 'ESC \\ nL nH: move the print position by a signed dot count'),
  command('tab-positions', [ESC, c('D')], { kind: 'nul-terminated', after: 0, max: 33 }, 'ESC D n1..nk NUL: tab stops in columns'),
  command('line-start-position', [GS, c('T')], fixed(1), 'GS T n: ignored'),
  command('motion-units', [GS, c('P')], fixed(2), 'GS P x y: ignored (units stay at 203 dpi)'),
  // Images
  command('bit-image', [ESC, c('*')], {
    kind: 'by-first',
    cases: [{ values: [32, 33], layout: { kind: 'sized', header: 3, factors: [{ at: 1, size: 2 }], unit: 3 } }],
    otherwise: { kind: 'sized', header: 3, factors: [{ at: 1, size: 2 }], unit: 1 },
  }, 'ESC * m nL nH d..: column bit image in the line buffer (8 or 24 dots high)'),
  command('raster-image', [GS, c('v'), c('0')], {
    kind: 'sized', header: 5, factors: [{ at: 1, size: 2 }, { at: 3, size: 2 }], unit: 1,
  }, 'GS v 0 m xL xH yL yH d..: raster image, x bytes wide and y dots high'),
  command('graphics', [GS, c('('), c('L')], counted(2), 'GS ( L pL pH m fn ..: graphics: store raster (fn 112), print (fn 50)'),
  command('graphics-large', [GS, c('8'), c('L')], counted(4), 'GS 8 L p1..p4 m fn ..: GS ( L with a 4-byte length'),
  command('define-downloaded-image', [GS, c('*')], {
    kind: 'sized', header: 2, factors: [{ at: 0, size: 1 }, { at: 1, size: 1 }], unit: 8,
  }, 'GS * x y d..: downloaded bit image; ignored'),
  command('print-downloaded-image', [GS, c('/')], fixed(1), 'GS / m: ignored'),
  command('print-nv-image', [FS, c('p')], fixed(2), 'FS p n m: NV bit image; ignored (none stored)'),
  // Bar codes and two-dimensional symbols
  command('barcode-height', [GS, c('h')], fixed(1), 'GS h n: bar code height in dots (default 162)'),
  command('barcode-module-width', [GS, c('w')], fixed(1), 'GS w n: bar code module width 2..6 dots (default 3)'),
  command('hri-position', [GS, c('H')], fixed(1), 'GS H n: HRI text 0 none, 1 above, 2 below, 3 both'),
  command('hri-font', [GS, c('f')], fixed(1), 'GS f n: HRI text in Font A (0) or B (1)'),
  command('barcode', [GS, c('k')], {
    kind: 'by-first',
    cases: [{ values: [0, 1, 2, 3, 4, 5, 6], layout: { kind: 'nul-terminated', after: 1, max: 256 } }],
    otherwise: { kind: 'sized', header: 2, factors: [{ at: 1, size: 1 }], unit: 1 },
  }, 'GS k m d.. NUL (m 0-6) or GS k m n d1..dn (m 65-73): print a bar code'),
  command('symbol', [GS, c('('), c('k')], counted(2), 'GS ( k pL pH cn fn ..: 2D symbols; QR (cn 49) store (fn 80) and print (fn 81)'),
  // Cutting, status, peripherals
  command('cut', [GS, c('V')], {
    kind: 'by-first',
    cases: [{ values: [65, 66, 97, 98, 103, 104], layout: fixed(2) }],
    otherwise: fixed(1),
  }, 'GS V m [n]: cut; m 0/48 full, 1/49 partial, 65/66 feed n dots then cut'),
  command('cut-full-legacy', [ESC, c('i')], fixed(0), 'ESC i: full cut'),
  command('cut-partial-legacy', [ESC, c('m')], fixed(0), 'ESC m: partial cut'),
  command('realtime-status', [DLE, EOT], fixed(1), 'DLE EOT n: answer one status byte at once, even when offline'),
  command('realtime-request', [DLE, 0x05], fixed(1), 'DLE ENQ n: ignored'),
  command('realtime-pulse', [DLE, 0x14], { kind: 'by-first', cases: [{ values: [8], layout: fixed(8) }], otherwise: fixed(3) }, 'DLE DC4 fn ..: drawer pulse, power off, clear buffer; ignored'),
  command('transmit-status', [GS, c('r')], fixed(1), 'GS r n: answer the paper sensor (1/49) or drawer (2/50) status in turn with printing'),
  command('printer-id', [GS, c('I')], fixed(1), 'GS I n: printer ID; not answered'),
  command('automatic-status-back', [GS, c('a')], fixed(1), 'GS a n: ignored (no ASB)'),
  command('select-peripheral', [ESC, c('=')], fixed(1), 'ESC = n: ignored'),
  command('drawer-kick', [ESC, c('p')], fixed(3), 'ESC p m t1 t2: cash drawer pulse; ignored'),
  command('beep', [ESC, c('B')], fixed(2), 'ESC B n t: buzzer; ignored'),
  command('panel-buttons', [ESC, c('c'), c('5')], fixed(1), 'ESC c 5 n: ignored'),
  command('paper-sensors-stop', [ESC, c('c'), c('4')], fixed(1), 'ESC c 4 n: ignored'),
  command('paper-sensors-signal', [ESC, c('c'), c('3')], fixed(1), 'ESC c 3 n: ignored'),
  command('unidirectional', [ESC, c('U')], fixed(1), 'ESC U n: ignored'),
  command('print-density', [GS, c('|')], fixed(1), 'GS | n: print density; ignored'),
  command('page-mode', [ESC, c('L')], fixed(0), 'ESC L: page mode; not emulated, printing stays standard'),
  command('standard-mode', [ESC, c('S')], fixed(0), 'ESC S: standard mode'),
  command('page-direction', [ESC, c('T')], fixed(1), 'ESC T n: page mode; ignored'),
  command('page-area', [ESC, c('W')], fixed(8), 'ESC W ..: page mode; ignored'),
  command('print-page', [ESC, FF], fixed(0), 'ESC FF: page mode; ignored'),
  command('page-vertical-position', [GS, c('$')], fixed(2), 'GS $ nL nH: page mode; ignored'),
  command('page-relative-vertical', [GS, c('\\')], fixed(2), 'GS \\ nL nH: page mode; ignored'),
  command('macro', [GS, c(':')], fixed(0), 'GS :: macro definition; ignored'),
  command('run-macro', [GS, c('^')], fixed(3), 'GS ^ r t m: ignored'),
  command('esc-paren-a', [ESC, c('('), c('A')], counted(2), 'ESC ( A: beeper; ignored'),
  command('esc-paren-y', [ESC, c('('), c('Y')], counted(2), 'ESC ( Y: ignored'),
  ...(
    [
      ['A', 'test-print'], ['C', 'nv-user-memory'], ['D', 'realtime-enable'], ['E', 'user-setup'], ['H', 'process-id'],
      ['K', 'print-control'], ['M', 'customise'], ['N', 'character-effects'], ['P', 'page-mode-setup'], ['Q', 'shapes'], ['z', 'gs-paren-z'],
    ] as const
  ).map(([letter, name]) => gsParen(letter, name, `GS ( ${letter}: ignored`)),
] as const;

export type EscPosCommandName = (typeof TABLE)[number]['name'];

export const ESCPOS_COMMANDS: readonly EscPosCommand[] = TABLE;

const byName = new Map<string, EscPosCommand>(ESCPOS_COMMANDS.map((entry) => [entry.name, entry]));

export function escposCommand(name: EscPosCommandName): EscPosCommand {
  return byName.get(name)!;
}

/** Raised when a command is built with the wrong number of arguments or a non-byte one. */
export class EscPosArgumentError extends PoslabError {
  constructor(message: string) {
    super('ESCPOS_ARGUMENT', message);
  }
}

/** The bytes of one fixed-length command from the table. */
export function encodeCommand(name: EscPosCommandName, ...args: number[]): Uint8Array {
  const entry = escposCommand(name);
  const layout = entry.args;
  const count = layout.kind === 'fixed' ? layout.count : layout.kind === 'by-first' ? args.length : -1;
  if (args.length !== count || count < 0) {
    throw new EscPosArgumentError(`${name} takes ${layout.kind === 'fixed' ? layout.count : 'a variable number of'} argument(s), got ${args.length}`);
  }
  for (const arg of args) {
    if (!Number.isInteger(arg) || arg < 0 || arg > 0xff) throw new EscPosArgumentError(`${name}: ${arg} is not a byte`);
  }
  return Uint8Array.from([...entry.prefix, ...args]);
}

/** Little-endian 16-bit argument pair (nL nH). */
export function u16(value: number): [number, number] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new EscPosArgumentError(`${value} does not fit two bytes`);
  return [value & 0xff, value >> 8];
}

/** Character size as `GS ! n` wants it: scales 1..8 in each direction. */
export function characterSizeArg(widthScale: number, heightScale: number): number {
  for (const scale of [widthScale, heightScale]) {
    if (!Number.isInteger(scale) || scale < 1 || scale > 8) throw new EscPosArgumentError(`character scale ${scale} is not 1..8`);
  }
  return ((widthScale - 1) << 4) | (heightScale - 1);
}

/** ESC/POS Font A: the printer's default character cell, in dots. */
export const FONT_A = { widthDots: 12, heightDots: 24 } as const;
/** Font B, the small one (ESC M 1). */
export const FONT_B = { widthDots: 9, heightDots: 17 } as const;
/** Two-byte (Chinese) characters: a full-width 24 × 24 cell. */
export const FONT_CJK = { widthDots: 24, heightDots: 24 } as const;
/** ESC 2: about 1/6.8 inch at 203 dpi, as Epson's 203 dpi models ship. */
export const DEFAULT_LINE_SPACING_DOTS = 30;

/** Columns of Font A at x1 width on a print head this many dots wide: 32 at 384, 48 at 576. */
export function columnsFor(headDots: number, widthScale = 1): number {
  return Math.floor(headDots / (FONT_A.widthDots * widthScale));
}

/** The `n` of `DLE EOT n`: which status byte the printer sends back. */
export const realtimeStatus = {
  printer: 1,
  offlineCause: 2,
  errorCause: 3,
  paperSensor: 4,
} as const;

export type RealtimeStatusKind = (typeof realtimeStatus)[keyof typeof realtimeStatus];

/**
 * Epson's status byte layout, the same for every `n`: bit 1 and bit 4 are always set and
 * bits 0 and 7 always clear, so `(byte & STATUS_FIXED_MASK) === STATUS_FIXED_BITS` tells a
 * real status byte from line noise.
 */
export const STATUS_FIXED_BITS = 0x12;
export const STATUS_FIXED_MASK = 0x93;

export const STATUS_BITS = {
  /** n = 1, printer status. */
  printer: {
    drawerPin3High: 0x04,
    offline: 0x08,
    waitingForRecovery: 0x20,
    feedButtonPressed: 0x40,
  },
  /** n = 2, offline cause. */
  offlineCause: {
    coverOpen: 0x04,
    feedButtonFeeding: 0x08,
    stoppedByPaperEnd: 0x20,
    errorOccurred: 0x40,
  },
  /**
   * n = 3, error cause. A paper jam at the cutter reports as an autocutter error; a head too
   * hot to print is an auto-recoverable error (it clears itself once the head cools).
   */
  errorCause: {
    autocutterError: 0x08,
    unrecoverableError: 0x20,
    autoRecoverableError: 0x40,
  },
  /** n = 4, roll paper sensors; each condition sets two bits. */
  paperSensor: {
    nearEnd: 0x0c,
    paperEnd: 0x60,
  },
} as const;

/**
 * `GS r 1` answers the paper sensors in one byte with its own layout: bits 0-1 near end,
 * bits 2-3 paper end, bit 4 always clear (which also tells it from a DLE EOT answer).
 */
export const TRANSMIT_PAPER_STATUS_BITS = { nearEnd: 0x03, paperEnd: 0x0c } as const;
