import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { characterSizeArg, encodeCommand } from '../../protocol/escpos/commands.ts';
import type { EscPosCommandName } from '../../protocol/escpos/commands.ts';
import { ReceiptPrinter } from './receipt-printer.ts';
import { BOTTOM_MARGIN_DOTS, TOP_MARGIN_DOTS, renderReceiptPng } from './render.ts';
import type { PrintedReceipt } from './receipt.ts';

const cmd = (name: EscPosCommandName, ...args: number[]): number[] => [...encodeCommand(name, ...args)];
const text = (s: string): number[] => [...Buffer.from(s, 'latin1')];

function print(widthDots: 384 | 576, ...parts: number[][]): PrintedReceipt {
  const printer = new ReceiptPrinter({ widthDots });
  printer.receive(Uint8Array.from([...parts.flat(), ...cmd('cut', 0)]));
  return printer.receipts()[0]!;
}

function decode(png: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(png));
  const black = (x: number, y: number): boolean => image.data[(y * image.width + x) * 4]! === 0;
  /** Bounding box and count of the black dots in rows [top, bottom). */
  const ink = (top: number, bottom: number) => {
    let [left, right, count] = [Infinity, -Infinity, 0];
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

const sample = [
  cmd('align', 1),
  cmd('bold', 1),
  cmd('character-size', characterSizeArg(2, 2)),
  text('POSLAB'),
  cmd('line-feed'),
  cmd('character-size', 0),
  cmd('bold', 0),
  cmd('align', 0),
  text('AMOUNT 128.50'),
  cmd('line-feed'),
  cmd('line-feed'),
  cmd('align', 2),
  text('thank you'),
  cmd('line-feed'),
];

describe('receipt rendering', () => {
  it('is deterministic: the same bytes give byte-identical PNGs', () => {
    expect(Buffer.from(renderReceiptPng(print(384, ...sample))).equals(Buffer.from(renderReceiptPng(print(384, ...sample))))).toBe(true);
  });

  it('draws black dots on white exactly where the printer put them', () => {
    const { image, ink } = decode(renderReceiptPng(print(384, ...sample)));
    const top = TOP_MARGIN_DOTS;
    expect(image.width).toBe(384);
    expect(image.height).toBe(top + 48 + 3 * 30 + BOTTOM_MARGIN_DOTS);
    const values = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) values.add(image.data[i]!);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);

    expect(ink(0, top).count).toBe(0);
    const title = ink(top, top + 48);
    // Six double-width characters, centred: 144 dots wide, starting at (384 - 144) / 2.
    expect(title.left).toBeGreaterThanOrEqual(120);
    expect(title.right).toBeLessThan(120 + 144 + 2);

    const amount = ink(top + 48, top + 78);
    expect(amount.left).toBeLessThan(12);
    expect(amount.right).toBeLessThan(13 * 12);
    expect(ink(top + 78, top + 108).count).toBe(0);

    const thanks = ink(top + 108, top + 138);
    expect(thanks.left).toBeGreaterThanOrEqual(384 - 9 * 12);
    expect(thanks.right).toBeLessThan(384);
    expect(ink(top + 138, image.height).count).toBe(0);
  });

  it('prints bold heavier and double size four times the ink', () => {
    const count = (...prefix: number[][]) => decode(renderReceiptPng(print(576, ...prefix, text('Receipt 42')))).ink(0, 200).count;
    const plain = count();
    expect(count(cmd('bold', 1))).toBeGreaterThan(plain);
    expect(count(cmd('character-size', 0x11))).toBe(4 * plain);
  });

  it('draws the replacement glyph for a character Font A lacks, and the box for a missing hanzi', () => {
    const count = (bytes: number[]) => decode(renderReceiptPng(print(384, bytes))).ink(0, 100).count;
    expect(count(cmd('code-table', 37).concat([0xe0]))).toBeGreaterThan(0);
    expect(count([...cmd('chinese-mode-on'), 0xf6, 0xce])).toBeGreaterThan(0);
  });

  it('centres a narrower receipt on wider paper and never cuts a wider one down', () => {
    const { image, ink } = decode(renderReceiptPng(print(384, text('X')), 576));
    expect(image.width).toBe(576);
    expect(ink(0, image.height).left).toBeGreaterThanOrEqual(96);
    expect(decode(renderReceiptPng(print(576, text('X')), 384)).image.width).toBe(576);
  });
});
