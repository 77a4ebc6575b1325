import { describe, it, expect } from 'vitest';
import { encodeBarcode, encodeQrCode, encodeRasterImage } from './blocks.ts';
import { EscPosArgumentError } from './commands.ts';
import { CODE_TABLE_PAGES, codeTable, encodeWpc1252 } from './code-tables.ts';

describe('ESC/POS block builders', () => {
  it('builds EAN13 in the counted GS k form after the HRI, height and module settings', () => {
    expect([...encodeBarcode('EAN13', '690123456789', { height: 50, module: 3, hri: false })]).toEqual([
      0x1d, 0x48, 0, 0x1d, 0x68, 50, 0x1d, 0x77, 3, 0x1d, 0x6b, 67, 12, ...Buffer.from('690123456789'),
    ]);
    expect(() => encodeBarcode('EAN13', '69012345678A')).toThrow(EscPosArgumentError);
    expect(() => encodeBarcode('CODE128', 'caf\u00e9')).toThrow(/printable ASCII/);
  });

  it('builds a QR code as model, size, level, store and print functions', () => {
    const bytes = [...encodeQrCode('é', { module: 6, level: 'H' })];
    expect(bytes).toEqual([
      ...[0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
      ...[0x1d, 0x28, 0x6b, 3, 0, 49, 67, 6],
      ...[0x1d, 0x28, 0x6b, 3, 0, 49, 69, 51],
      ...[0x1d, 0x28, 0x6b, 5, 0, 49, 80, 48, 0xc3, 0xa9],
      ...[0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
    ]);
    expect(() => encodeQrCode('')).toThrow(EscPosArgumentError);
    expect(() => encodeQrCode('x', { module: 17 })).toThrow(/1-16/);
  });

  it('packs a raster image into rows of whole bytes, most significant bit leftmost', () => {
    const dots = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, ...new Array(10).fill(0)]);
    expect([...encodeRasterImage({ width: 10, height: 2, dots })]).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x40, 0, 0]);
    expect(() => encodeRasterImage({ width: 3, height: 3, dots: new Uint8Array(4) })).toThrow(EscPosArgumentError);
  });
});

describe('code tables', () => {
  it('maps Epson page numbers to their characters', () => {
    expect(codeTable(0)![0x9c]).toBe('£');
    expect(codeTable(16)![0x80]).toBe('€');
    expect(codeTable(17)![0x80]).toBe('А');
    expect(codeTable(1)!.slice(0x8f, 0x92).join('')).toBe('┼┴┬');
    expect(codeTable(1)![0xb1]).toBe('ｱ');
    expect(codeTable(99)).toBeUndefined();
    expect(CODE_TABLE_PAGES).toHaveLength(33);
  });

  it('tells which characters Windows-1252 has', () => {
    expect(encodeWpc1252('é')).toBe(0xe9);
    expect(encodeWpc1252('€')).toBe(0x80);
    expect(encodeWpc1252('中')).toBeUndefined();
  });
});
