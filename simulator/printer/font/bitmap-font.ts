/**
 * Glyph bitmaps decoded from the committed tables (font-a.ts, font-b.ts, cjk-16.ts), so
 * rendering never depends on fonts installed on the machine. A glyph is decoded the first
 * time it is drawn and kept.
 */

/** One glyph: `dots[y * width + x]` is 1 where the head prints. */
export interface Glyph {
  readonly width: number;
  readonly height: number;
  readonly dots: Uint8Array;
}

/** Unpacks tools/glyph-packing.ts's layout: rows of dots, MSB first, base64. */
export function unpackGlyph(packed: string, width: number, height: number): Glyph {
  const bytes = Buffer.from(packed, 'base64');
  const dots = new Uint8Array(width * height);
  for (let i = 0; i < dots.length; i++) dots[i] = (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
  return { width, height, dots };
}

export interface FontTable {
  readonly width: number;
  readonly height: number;
  readonly replacement: number;
  readonly glyphs: Readonly<Record<number, string>>;
}

export class BitmapFont {
  private readonly decoded = new Map<number, Glyph>();

  constructor(private readonly table: FontTable) {}

  get width(): number {
    return this.table.width;
  }

  get height(): number {
    return this.table.height;
  }

  has(codePoint: number): boolean {
    return this.table.glyphs[codePoint] !== undefined;
  }

  /** The glyph for a code point, or the table's replacement glyph when it has none. */
  glyph(codePoint: number): Glyph {
    const code = this.has(codePoint) ? codePoint : this.table.replacement;
    let glyph = this.decoded.get(code);
    if (!glyph) {
      glyph = unpackGlyph(this.table.glyphs[code]!, this.table.width, this.table.height);
      this.decoded.set(code, glyph);
    }
    return glyph;
  }
}
