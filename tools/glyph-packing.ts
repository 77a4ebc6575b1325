/**
 * How the committed glyph tables store a bitmap: rows top to bottom, dots left to right, one
 * bit per dot, most significant bit first, padded to a whole byte at the end, in base64.
 * simulator/printer/font/bitmap-font.ts unpacks the same layout.
 */
export function packGlyph(rows: readonly (readonly number[])[]): string {
  const bits = rows.flat();
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => {
    if (bit) bytes[i >> 3]! |= 0x80 >> (i & 7);
  });
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}
