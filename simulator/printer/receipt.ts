/**
 * What came out of the emulated printer, as the harness reads it: the dots on the paper, the
 * lines of decoded text with the style each was printed in, and the bar codes, QR codes and
 * images on it. Styles are per line, taken from a line's first character, which is how
 * poslab's driver prints anyway.
 */
export type Alignment = 'left' | 'center' | 'right';

export interface PrintedLine {
  /** Unicode, whatever code table or two-byte mode the bytes came in. */
  readonly text: string;
  readonly bold: boolean;
  readonly widthScale: number;
  readonly heightScale: number;
  readonly align: Alignment;
}

export type PrintedMark =
  | { readonly kind: 'barcode'; readonly symbology: string; readonly data: string }
  | { readonly kind: 'qr'; readonly data: string }
  | { readonly kind: 'image'; readonly width: number; readonly height: number };

/** The dots on a piece of paper: `rows` holds `height` rows of `width / 8` bytes, MSB leftmost. */
export interface PaperRaster {
  readonly width: number;
  readonly height: number;
  readonly rows: Uint8Array;
}

/**
 * One piece of paper. `complete` is true only when it was cut and nothing sent for it was
 * lost to a fault (paper out, cover open, jam, overheating, power loss) on the way.
 */
export interface PrintedReceipt {
  readonly lines: readonly PrintedLine[];
  readonly marks: readonly PrintedMark[];
  readonly raster: PaperRaster;
  readonly complete: boolean;
}

/** The receipt's text, one line per printed line, for text expectations in scenarios. */
export function receiptText(receipt: Pick<PrintedReceipt, 'lines'>): string {
  return receipt.lines.map((line) => line.text).join('\n');
}
