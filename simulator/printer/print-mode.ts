/**
 * Everything `ESC @` resets: the modes and settings that decide how the next bytes print.
 * `applyModeCommand` updates them for the commands that only change a setting; the print
 * engine handles the commands that put something on paper.
 */
import { DEFAULT_LINE_SPACING_DOTS } from '../../protocol/escpos/commands.ts';
import { PC437, codeTable } from '../../protocol/escpos/code-tables.ts';
import type { Alignment } from './receipt.ts';

export type Underline = 0 | 1 | 2;
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

export interface PrintMode {
  readonly font: 'A' | 'B';
  readonly bold: boolean;
  readonly underline: Underline;
  readonly reverse: boolean;
  readonly widthScale: number;
  readonly heightScale: number;
  readonly kanjiDoubleWidth: boolean;
  readonly kanjiDoubleHeight: boolean;
  readonly kanjiUnderline: Underline;
  readonly rightSpacing: number;
  readonly align: Alignment;
  readonly lineSpacing: number;
  readonly leftMargin: number;
  readonly areaWidth: number;
  /** Tab stops in Font A columns. */
  readonly tabs: readonly number[];
  readonly codeTable: number;
  readonly chinese: boolean;
  readonly barcodeHeight: number;
  readonly barcodeModule: number;
  readonly hriPosition: number;
  readonly hriFont: 'A' | 'B';
  readonly qrModel: number;
  readonly qrModule: number;
  readonly qrLevel: QrLevel;
}

/** Epson's power-on defaults; `chinese` is a memory switch on Chinese-market printers. */
export function powerOnMode(headDots: number, chinese: boolean): PrintMode {
  return {
    font: 'A',
    bold: false,
    underline: 0,
    reverse: false,
    widthScale: 1,
    heightScale: 1,
    kanjiDoubleWidth: false,
    kanjiDoubleHeight: false,
    kanjiUnderline: 0,
    rightSpacing: 0,
    align: 'left',
    lineSpacing: DEFAULT_LINE_SPACING_DOTS,
    leftMargin: 0,
    areaWidth: headDots,
    tabs: Array.from({ length: 32 }, (_, i) => (i + 1) * 8),
    codeTable: PC437,
    chinese,
    barcodeHeight: 162,
    barcodeModule: 3,
    hriPosition: 0,
    hriFont: 'A',
    qrModel: 2,
    qrModule: 3,
    qrLevel: 'L',
  };
}

const ALIGNMENTS: Readonly<Record<number, Alignment>> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };
const QR_LEVELS: Readonly<Record<number, QrLevel>> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

function underline(n: number): Underline {
  return n === 1 || n === 49 ? 1 : n === 2 || n === 50 ? 2 : 0;
}

const u16 = (args: readonly number[], at = 0): number => args[at]! + args[at + 1]! * 256;

/**
 * The mode after a setting command, or undefined when `name` is not a setting command.
 * Out-of-range arguments leave the setting as it was, as Epson printers do.
 */
export function applyModeCommand(mode: PrintMode, name: string, args: readonly number[], headDots: number): PrintMode | undefined {
  const n = args[0] ?? 0;
  switch (name) {
    case 'print-mode':
      return {
        ...mode,
        font: n & 0x01 ? 'B' : 'A',
        bold: (n & 0x08) !== 0,
        heightScale: n & 0x10 ? 2 : 1,
        widthScale: n & 0x20 ? 2 : 1,
        underline: n & 0x80 ? 1 : 0,
      };
    case 'bold':
    case 'double-strike':
      return { ...mode, bold: (n & 1) === 1 };
    case 'underline':
      return { ...mode, underline: underline(n) };
    case 'character-size':
      return (n >> 4) > 7 || (n & 0x0f) > 7 ? mode : { ...mode, widthScale: (n >> 4) + 1, heightScale: (n & 0x0f) + 1 };
    case 'reverse':
      return { ...mode, reverse: (n & 1) === 1 };
    case 'font':
      return n === 0 || n === 48 ? { ...mode, font: 'A' } : n === 1 || n === 49 ? { ...mode, font: 'B' } : mode;
    case 'right-spacing':
      return { ...mode, rightSpacing: n };
    case 'kanji-print-mode':
      return { ...mode, kanjiDoubleWidth: (n & 0x04) !== 0, kanjiDoubleHeight: (n & 0x08) !== 0, kanjiUnderline: n & 0x80 ? 1 : 0 };
    case 'kanji-underline':
      return { ...mode, kanjiUnderline: underline(n) };
    case 'kanji-quadruple':
      return { ...mode, kanjiDoubleWidth: (n & 1) === 1, kanjiDoubleHeight: (n & 1) === 1 };
    case 'align':
      return ALIGNMENTS[n] ? { ...mode, align: ALIGNMENTS[n] } : mode;
    case 'line-spacing-default':
      return { ...mode, lineSpacing: powerOnMode(headDots, mode.chinese).lineSpacing };
    case 'line-spacing':
      return { ...mode, lineSpacing: n };
    case 'left-margin':
      return { ...mode, leftMargin: Math.min(u16(args), headDots - 1) };
    case 'print-area-width':
      return { ...mode, areaWidth: Math.max(1, u16(args)) };
    case 'tab-positions':
      return { ...mode, tabs: args.filter((column, i) => column > 0 && (i === 0 || column > args[i - 1]!)) };
    case 'code-table':
      return codeTable(n) ? { ...mode, codeTable: n } : mode;
    case 'chinese-mode-on':
      return { ...mode, chinese: true };
    case 'chinese-mode-off':
      return { ...mode, chinese: false };
    case 'barcode-height':
      return n >= 1 ? { ...mode, barcodeHeight: n } : mode;
    case 'barcode-module-width':
      return n >= 1 && n <= 6 ? { ...mode, barcodeModule: n } : mode;
    case 'hri-position':
      return { ...mode, hriPosition: n >= 48 ? n - 48 : n & 3 };
    case 'hri-font':
      return { ...mode, hriFont: n === 1 || n === 49 ? 'B' : 'A' };
    default:
      return undefined;
  }
}

/** QR settings travel inside `GS ( k`: model (fn 65), module size (fn 67), error level (fn 69). */
export function applyQrSetting(mode: PrintMode, fn: number, params: readonly number[]): PrintMode {
  const n = params[0] ?? 0;
  if (fn === 65 && n >= 49 && n <= 51) return { ...mode, qrModel: n - 48 };
  if (fn === 67 && n >= 1 && n <= 16) return { ...mode, qrModule: n };
  if (fn === 69 && QR_LEVELS[n]) return { ...mode, qrLevel: QR_LEVELS[n] };
  return mode;
}
