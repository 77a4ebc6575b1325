/**
 * The print buffer of one line: characters and column bit images placed at dot positions,
 * as they arrive. The line is printed (drawn as one band) by LF, ESC d, ESC J, a cut, or when
 * the next character would not fit the printing area, where the printer wraps as real ones
 * do. Characters sit on a common bottom line, so double-height text lines up with normal text.
 */
import { Bitmap } from './bitmap.ts';
import type { GlyphStyle } from './bitmap.ts';
import type { Glyph } from './font/bitmap-font.ts';
import type { PrintedLine } from './receipt.ts';
import type { Underline } from './print-mode.ts';

export interface CharacterCell {
  readonly char: string;
  readonly glyph: Glyph;
  readonly style: GlyphStyle;
  readonly underline: Underline;
  /** Dots left blank after the glyph (ESC SP), already scaled. */
  readonly spacing: number;
}

interface Placed {
  readonly x: number;
  readonly width: number;
  readonly height: number;
  readonly char: string;
  draw(band: Bitmap, x: number, bottom: number): void;
}

/** Width of a gap that reads as one space in the line's text: a Font A cell. */
const SPACE_DOTS = 12;

export class LineBuffer {
  private placed: Placed[] = [];
  private cursor = 0;
  private lineStyle: Omit<PrintedLine, 'text'> | undefined;

  get empty(): boolean {
    return this.placed.length === 0;
  }

  /** Where the next character goes, in dots from the left margin. */
  get position(): number {
    return this.cursor;
  }

  /** True when something `width` dots wide still fits before `areaWidth`. */
  fits(width: number, areaWidth: number): boolean {
    return this.empty || this.cursor + width <= areaWidth;
  }

  moveTo(x: number): void {
    this.cursor = Math.max(0, x);
  }

  addCharacter(cell: CharacterCell, lineStyle: Omit<PrintedLine, 'text'>): void {
    const { glyph, style } = cell;
    const width = glyph.width * style.scaleX + cell.spacing;
    const height = glyph.height * style.scaleY;
    this.place(lineStyle, {
      x: this.cursor,
      width,
      height,
      char: cell.char,
      draw(band, x, bottom) {
        band.drawGlyph(glyph, x, bottom - height, width, style);
        if (cell.underline && !style.reverse) band.fill(x, bottom - cell.underline, width, cell.underline);
      },
    });
  }

  /** A column bit image (ESC *): part of the line like a wide character with no text. */
  addImage(image: Bitmap, scaleX: number, scaleY: number, lineStyle: Omit<PrintedLine, 'text'>): void {
    const height = image.height * scaleY;
    this.place(lineStyle, {
      x: this.cursor,
      width: image.width * scaleX,
      height,
      char: '',
      draw: (band, x, bottom) => band.blit(image, x, bottom - height, scaleX, scaleY),
    });
  }

  /** The line's text, with a space for each Font A cell of blank between characters. */
  text(): string {
    let text = '';
    let end = 0;
    for (const item of [...this.placed].sort((a, b) => a.x - b.x)) {
      const gap = item.x - end;
      if (gap >= SPACE_DOTS / 2) text += ' '.repeat(Math.max(1, Math.round(gap / SPACE_DOTS)));
      text += item.char;
      end = Math.max(end, item.x + item.width);
    }
    return text;
  }

  /**
   * Draws the line as a band across the head and empties the buffer. Alignment moves the
   * line's contents within the printing area that starts at `leftMargin`.
   */
  take(headWidth: number, leftMargin: number, areaWidth: number, fallback: Omit<PrintedLine, 'text'>): { band: Bitmap; line: PrintedLine } {
    const style = this.lineStyle ?? fallback;
    const line: PrintedLine = { text: this.text(), ...style };
    const contentWidth = Math.max(0, ...this.placed.map((item) => item.x + item.width));
    const area = Math.min(areaWidth, headWidth - leftMargin);
    const room = Math.max(0, area - contentWidth);
    const offset = leftMargin + (style.align === 'left' ? 0 : style.align === 'center' ? Math.floor(room / 2) : room);
    const height = Math.max(0, ...this.placed.map((item) => item.height));
    const band = new Bitmap(headWidth, height);
    for (const item of this.placed) item.draw(band, offset + item.x, height);
    this.placed = [];
    this.cursor = 0;
    this.lineStyle = undefined;
    return { band, line };
  }

  clear(): void {
    this.placed = [];
    this.cursor = 0;
    this.lineStyle = undefined;
  }

  private place(lineStyle: Omit<PrintedLine, 'text'>, item: Placed): void {
    this.lineStyle ??= lineStyle;
    this.placed.push(item);
    this.cursor = item.x + item.width;
  }
}
