/**
 * Turns receipt blocks (text lines, bar codes, QR codes, images) into the ESC/POS bytes a
 * printer accepts, with no port involved, so the POS core, tests and the CLI all produce the
 * same bytes. Each job starts with `ESC @` so a printer left in an odd state by someone else
 * starts clean, and style commands are sent only when a line's style differs from the one
 * before.
 */
import { encodeBarcode, encodeQrCode, encodeRasterImage } from '../../protocol/escpos/blocks.ts';
import type { BarcodeSymbology, MonochromeImage } from '../../protocol/escpos/blocks.ts';
import { characterSizeArg, encodeCommand } from '../../protocol/escpos/commands.ts';
import { encodeReceiptText, freshTextMode } from './receipt-text.ts';

export type ReceiptAlignment = 'left' | 'center' | 'right';

export interface ReceiptLine {
  /** Any Unicode text; Chinese prints in the printer's two-byte mode. */
  readonly text: string;
  readonly align?: ReceiptAlignment;
  readonly bold?: boolean;
  /** Double width and double height. */
  readonly double?: boolean;
  readonly underline?: boolean;
  /** White on black. */
  readonly reverse?: boolean;
}

export interface ReceiptBarcode {
  readonly barcode: BarcodeSymbology;
  readonly data: string;
  readonly align?: ReceiptAlignment;
  /** Bar height in dots; default 80. */
  readonly height?: number;
}

export interface ReceiptQrCode {
  readonly qr: string;
  readonly align?: ReceiptAlignment;
  /** Dots per module; default 4. */
  readonly module?: number;
}

export interface ReceiptImage {
  readonly image: MonochromeImage;
  readonly align?: ReceiptAlignment;
}

export type ReceiptBlock = ReceiptLine | ReceiptBarcode | ReceiptQrCode | ReceiptImage;

export interface PrintOptions {
  /** Feed to the cutter and cut after the last block; default true. */
  readonly cut?: boolean;
}

const ALIGN_ARG: Readonly<Record<ReceiptAlignment, number>> = { left: 0, center: 1, right: 2 };

interface Style {
  align: ReceiptAlignment;
  bold: boolean;
  double: boolean;
  underline: boolean;
  reverse: boolean;
}

function blockBytes(block: Exclude<ReceiptBlock, ReceiptLine>): Uint8Array {
  if ('barcode' in block) return encodeBarcode(block.barcode, block.data, block.height === undefined ? {} : { height: block.height });
  if ('qr' in block) return encodeQrCode(block.qr, block.module === undefined ? {} : { module: block.module });
  return encodeRasterImage(block.image);
}

export function buildEscPos(blocks: readonly ReceiptBlock[], options: PrintOptions = {}): Uint8Array {
  const out: number[] = [...encodeCommand('initialise')];
  const text = freshTextMode();
  const now: Style = { align: 'left', bold: false, double: false, underline: false, reverse: false };
  const set = (want: Style): void => {
    if (want.align !== now.align) out.push(...encodeCommand('align', ALIGN_ARG[want.align]));
    if (want.bold !== now.bold) out.push(...encodeCommand('bold', want.bold ? 1 : 0));
    if (want.double !== now.double) {
      const scale = want.double ? 2 : 1;
      out.push(...encodeCommand('character-size', characterSizeArg(scale, scale)));
    }
    if (want.underline !== now.underline) out.push(...encodeCommand('underline', want.underline ? 1 : 0), ...encodeCommand('kanji-underline', want.underline ? 1 : 0));
    if (want.reverse !== now.reverse) out.push(...encodeCommand('reverse', want.reverse ? 1 : 0));
    Object.assign(now, want);
  };
  for (const block of blocks) {
    if ('text' in block) {
      set({
        align: block.align ?? 'left',
        bold: block.bold ?? false,
        double: block.double ?? false,
        underline: block.underline ?? false,
        reverse: block.reverse ?? false,
      });
      out.push(...encodeReceiptText(block.text, text), ...encodeCommand('line-feed'));
    } else {
      set({ ...now, align: block.align ?? 'center' });
      out.push(...blockBytes(block));
    }
  }
  if (options.cut ?? true) out.push(...encodeCommand('cut', 66, 0));
  return Uint8Array.from(out);
}
