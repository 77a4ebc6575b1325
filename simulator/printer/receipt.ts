/**
 * What came out of the emulated printer, as the harness reads it: lines of decoded text
 * with the style each was printed in. Styles are per line because the printer takes a
 * line's style from its first character, which is how poslab's driver prints anyway.
 */
export type Alignment = 'left' | 'center' | 'right';

export interface PrintedLine {
  readonly text: string;
  readonly bold: boolean;
  readonly widthScale: 1 | 2;
  readonly heightScale: 1 | 2;
  readonly align: Alignment;
}

/**
 * One piece of paper. `complete` is true only when it was cut and nothing sent for it was
 * lost to a fault (paper out, cover open, jam) on the way.
 */
export interface PrintedReceipt {
  readonly lines: readonly PrintedLine[];
  readonly complete: boolean;
}

/** The receipt's text, one line per printed line, for text expectations in scenarios. */
export function receiptText(receipt: PrintedReceipt): string {
  return receipt.lines.map((line) => line.text).join('\n');
}
