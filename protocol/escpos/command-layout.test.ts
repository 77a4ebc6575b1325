import { describe, it, expect } from 'vitest';
import { argumentsComplete, counted, fixed, readLength } from './command-layout.ts';
import { escposCommand } from './commands.ts';

function needed(name: Parameters<typeof escposCommand>[0], args: number[]): number {
  const layout = escposCommand(name).args;
  for (let n = 0; n <= args.length; n++) if (argumentsComplete(layout, args.slice(0, n))) return n;
  return -1;
}

describe('ESC/POS argument layouts', () => {
  it('reads little-endian lengths', () => {
    expect(readLength([0x34, 0x12], { at: 0, size: 2 })).toBe(0x1234);
    expect(readLength([9, 1, 0, 0, 1], { at: 1, size: 4 })).toBe(0x01000001);
  });

  it('counts fixed and pL pH counted arguments', () => {
    expect(argumentsComplete(fixed(0), [])).toBe(true);
    expect(argumentsComplete(fixed(2), [1])).toBe(false);
    expect(argumentsComplete(counted(2), [3, 0, 49, 81])).toBe(false);
    expect(argumentsComplete(counted(2), [3, 0, 49, 81, 48])).toBe(true);
  });

  // Worked out by hand from Epson's command descriptions.
  it.each([
    ['GS v 0: 2 bytes x 3 rows', 'raster-image', [0, 2, 0, 3, 0, 1, 2, 3, 4, 5, 6, 99], 11],
    ['ESC * 33: 24-dot columns, 3 bytes each', 'bit-image', [33, 2, 0, 1, 2, 3, 4, 5, 6, 99], 9],
    ['ESC * 0: 8-dot columns', 'bit-image', [0, 2, 0, 1, 2, 99], 5],
    ['GS k 2 (EAN13, NUL-terminated)', 'barcode', [2, 0x34, 0x35, 0, 99], 4],
    ['GS k 73 n (CODE128, counted)', 'barcode', [73, 3, 0x7b, 0x42, 0x41, 99], 5],
    ['GS V 1', 'cut', [1, 99], 1],
    ['GS V 66 n', 'cut', [66, 0, 99], 2],
    ['GS 8 L with a 4-byte length', 'graphics-large', [2, 0, 0, 0, 48, 50, 99], 6],
    ['ESC D stops at NUL', 'tab-positions', [8, 16, 0, 99], 3],
    ['GS * x y: x * y * 8 bytes', 'define-downloaded-image', [1, 1, ...new Array(8).fill(7), 99], 10],
  ] as const)('%s', (_name, command, args, count) => {
    expect(needed(command, [...args])).toBe(count);
  });
});
