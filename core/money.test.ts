import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMinor, shiftInDigit } from './money.ts';

describe('amount keying and display', () => {
  it('shifts digits in from the right as a POS keypad does', () => {
    const minor = [1, 2, 8, 5, 0].reduce((m, d) => shiftInDigit(m, d), 0);
    expect(minor).toBe(12850);
    expect(formatMinor(minor)).toBe('128.50');
  });

  it('ignores digits past the keypad limit', () => {
    expect(shiftInDigit(9_999_999_999, 9)).toBe(9_999_999_999);
  });

  it('formats any amount so that it reads back to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (minor) => {
        const text = formatMinor(minor);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(Number(text.replace('.', ''))).toBe(minor);
      }),
    );
  });
});
