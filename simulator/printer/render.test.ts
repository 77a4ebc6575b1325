import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { LINE_SPACING_DOTS, renderReceiptPng } from './render.ts';
import type { PrintedLine, PrintedReceipt } from './receipt.ts';

function line(text: string, style: Partial<PrintedLine> = {}): PrintedLine {
  return { text, bold: false, widthScale: 1, heightScale: 1, align: 'left', ...style };
}

function decode(png: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(png));
  const black = (x: number, y: number): boolean => image.data[(y * image.width + x) * 4]! === 0;
  /** Bounding box of the black dots in rows [top, bottom). */
  const ink = (top: number, bottom: number) => {
    let left = Infinity;
    let right = -Infinity;
    let count = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < image.width; x++) {
        if (!black(x, y)) continue;
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    return { left, right, count };
  };
  return { image, ink };
}

const TOP = 24;
const sample: PrintedReceipt = {
  complete: true,
  lines: [line('POSLAB', { bold: true, widthScale: 2, heightScale: 2, align: 'center' }), line('AMOUNT 128.50'), line(''), line('thank you', { align: 'right' })],
};

describe('receipt rendering', () => {
  it('is deterministic: the same receipt gives byte-identical PNGs', () => {
    const copy: PrintedReceipt = structuredClone(sample);
    expect(Buffer.from(renderReceiptPng(copy, 384)).equals(Buffer.from(renderReceiptPng(sample, 384)))).toBe(true);
  });

  it('draws black text on white, only inside the text rows and columns', () => {
    const { image, ink } = decode(renderReceiptPng(sample, 384));
    expect(image.width).toBe(384);
    expect(image.height).toBe(TOP + 48 + 3 * LINE_SPACING_DOTS + 48);
    const values = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) values.add(image.data[i]!);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);

    expect(ink(0, TOP).count).toBe(0);
    const title = ink(TOP, TOP + 48);
    expect(title.count).toBeGreaterThan(0);
    // Six double-width characters, centred: 144 dots wide, starting at (384 - 144) / 2.
    expect(title.left).toBeGreaterThanOrEqual(120);
    expect(title.right).toBeLessThan(120 + 144 + 1);

    const amount = ink(TOP + 48, TOP + 48 + 30);
    expect(amount.left).toBeLessThan(12);
    expect(amount.right).toBeLessThan(13 * 12);
    expect(ink(TOP + 78, TOP + 108).count).toBe(0);

    const thanks = ink(TOP + 108, TOP + 138);
    expect(thanks.left).toBeGreaterThanOrEqual(384 - 9 * 12);
    expect(thanks.right).toBeLessThan(384);
    expect(ink(TOP + 138, image.height).count).toBe(0);
  });

  it('prints bold heavier and double size four times the ink', () => {
    const count = (l: PrintedLine) => decode(renderReceiptPng({ complete: true, lines: [l] }, 576)).ink(0, 200).count;
    const plain = count(line('Receipt 42'));
    expect(count(line('Receipt 42', { bold: true }))).toBeGreaterThan(plain);
    expect(count(line('Receipt 42', { widthScale: 2, heightScale: 2 }))).toBe(4 * plain);
  });

  it('draws a replacement glyph for characters Font A lacks', () => {
    const count = (text: string) => decode(renderReceiptPng({ complete: true, lines: [line(text)] }, 384)).ink(0, 100).count;
    expect(count('\u4e2d')).toBe(count('\ufffd'));
    expect(count('\ufffd')).toBeGreaterThan(0);
  });
});
