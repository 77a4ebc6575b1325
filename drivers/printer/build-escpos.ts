/**
 * Turns receipt lines into the ESC/POS bytes a printer accepts, with no port involved, so the
 * POS core, tests and the CLI all produce the same bytes. Each job starts with `ESC @` so a
 * printer left in an odd style by someone else starts clean, and style commands are sent only
 * when a line's style differs from the one before.
 */
import { characterSizeArg, encodeCommand } from '../../protocol/escpos/commands.ts';

export type ReceiptAlignment = 'left' | 'center' | 'right';

export interface ReceiptLine {
  readonly text: string;
  readonly align?: ReceiptAlignment;
  readonly bold?: boolean;
  /** Double width and double height. */
  readonly double?: boolean;
}

export interface PrintOptions {
  /** Feed to the cutter and cut after the last line; default true. */
  readonly cut?: boolean;
}

const ALIGN_ARG: Readonly<Record<ReceiptAlignment, number>> = { left: 0, center: 1, right: 2 };
const REPLACEMENT = 0x3f; // '?'

/**
 * Latin-1 bytes of the text. Characters outside Latin-1, and control characters that would
 * otherwise reach the printer as commands, become '?'.
 */
export function encodeReceiptText(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const printable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
    bytes.push(printable ? code : REPLACEMENT);
  }
  return bytes;
}

export function buildEscPos(lines: readonly ReceiptLine[], options: PrintOptions = {}): Uint8Array {
  const out: number[] = [...encodeCommand('initialise')];
  let align: ReceiptAlignment = 'left';
  let bold = false;
  let double = false;
  for (const line of lines) {
    const want = { align: line.align ?? 'left', bold: line.bold ?? false, double: line.double ?? false };
    if (want.align !== align) out.push(...encodeCommand('align', ALIGN_ARG[want.align]));
    if (want.bold !== bold) out.push(...encodeCommand('bold', want.bold ? 1 : 0));
    if (want.double !== double) {
      const scale = want.double ? 2 : 1;
      out.push(...encodeCommand('character-size', characterSizeArg(scale, scale)));
    }
    ({ align, bold, double } = want);
    out.push(...encodeReceiptText(line.text), ...encodeCommand('line-feed'));
  }
  if (options.cut ?? true) out.push(...encodeCommand('feed-and-cut-partial', 0));
  return Uint8Array.from(out);
}
