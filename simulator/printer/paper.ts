/**
 * The paper coming out of the printer since the last cut: dot rows packed 8 to a byte, plus
 * the text lines and marks printed on it. Bands are appended below what is already there;
 * feeding adds blank rows.
 */
import type { Bitmap } from './bitmap.ts';
import type { PaperRaster, PrintedLine, PrintedMark } from './receipt.ts';

export interface PaperPiece {
  readonly lines: readonly PrintedLine[];
  readonly marks: readonly PrintedMark[];
  readonly raster: PaperRaster;
}

export class Paper {
  private readonly bytesPerRow: number;
  private rows: Uint8Array;
  private height = 0;
  private lines: PrintedLine[] = [];
  private marks: PrintedMark[] = [];

  constructor(readonly width: number) {
    this.bytesPerRow = width / 8;
    this.rows = new Uint8Array(this.bytesPerRow * 256);
  }

  /** Nothing printed and nothing fed since the last cut. */
  get blank(): boolean {
    return this.height === 0 && this.lines.length === 0 && this.marks.length === 0;
  }

  get printedLines(): readonly PrintedLine[] {
    return this.lines;
  }

  addLine(line: PrintedLine): void {
    this.lines.push(line);
  }

  addMark(mark: PrintedMark): void {
    this.marks.push(mark);
  }

  feed(dots: number): void {
    if (dots <= 0) return;
    this.grow(this.height + dots);
    this.height += dots;
  }

  /** Prints a band across the head at the current position and moves past it. */
  print(band: Bitmap): void {
    const top = this.height;
    this.feed(band.height);
    for (let y = 0; y < band.height; y++) {
      const row = (top + y) * this.bytesPerRow;
      for (let x = 0; x < Math.min(band.width, this.width); x++) {
        if (band.dots[y * band.width + x]) this.rows[row + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
  }

  /** What is on the paper now, leaving it there. */
  peek(): PaperPiece {
    return {
      lines: [...this.lines],
      marks: [...this.marks],
      raster: { width: this.width, height: this.height, rows: this.rows.slice(0, this.height * this.bytesPerRow) },
    };
  }

  /** Hands over everything on the paper and starts a fresh piece. */
  take(): PaperPiece {
    const piece = this.peek();
    this.rows = new Uint8Array(this.bytesPerRow * 256);
    this.height = 0;
    this.lines = [];
    this.marks = [];
    return piece;
  }

  private grow(height: number): void {
    if (height * this.bytesPerRow <= this.rows.length) return;
    const bigger = new Uint8Array(Math.max(height * this.bytesPerRow, this.rows.length * 2));
    bigger.set(this.rows);
    this.rows = bigger;
  }
}
