import { describe, expect, it } from 'vitest';
import { responseCodeText } from '../protocol/iso8583/describe.ts';
import { screens, SCREEN_WIDTH, wrap } from './screens.ts';

describe('screens', () => {
  it('wraps a decline reason over two lines between words, never mid-word', () => {
    expect(screens.declined('59', 'Suspected fraud, call bank').lines).toEqual(['DECLINED (59)', 'SUSPECTED FRAUD,', 'CALL BANK', 'PRESS ANY KEY']);
    expect(screens.declined('51', 'Insufficient funds').lines).toEqual(['DECLINED (51)', 'INSUFFICIENT FUNDS', '', 'PRESS ANY KEY']);
  });

  it('shows every response code reason whole within the screen width', () => {
    for (const [code, reason] of Object.entries(responseCodeText)) {
      const lines = screens.declined(code, reason).lines;
      expect(lines.every((line) => line.length <= SCREEN_WIDTH)).toBe(true);
      expect(lines.slice(1, 3).join(' ').trim()).toBe(reason.toUpperCase());
    }
  });

  it('says what a reversed or unsent transaction left behind, true for its kind', () => {
    expect(screens.reversed('NO HOST RESPONSE', 'sale').lines[2]).toBe('NO CHARGE MADE');
    expect(screens.reversed('NO HOST RESPONSE', 'void').lines[2]).toBe('SALE STILL CHARGED');
    expect(screens.reversed('NO HOST RESPONSE', 'refund').lines[2]).toBe('NO REFUND MADE');
    expect(screens.networkDown('preauth').lines[2]).toBe('NO FUNDS HELD');
  });

  it('cuts only a word wider than the screen, and drops what does not fit the lines given', () => {
    expect(wrap('ABCDEFGHIJKLMNOPQRSTUVWXYZ OK', 2)).toEqual(['ABCDEFGHIJKLMNOPQRST', 'OK']);
    expect(wrap('one two three', 1)).toEqual(['ONE TWO THREE']);
    expect(wrap('', 2)).toEqual(['', '']);
  });
});
