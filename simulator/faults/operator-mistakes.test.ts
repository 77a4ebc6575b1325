import { describe, expect, it } from 'vitest';
import { operatorWrongAmount, operatorWrongMenu, operatorWrongPassword } from './operator-mistakes.ts';
import { pinpadCancel } from './pinpad-cancel.ts';
import { LinkBench } from './testing/link-bench.ts';

describe('operator and cardholder mistakes', () => {
  it('wrong_password: mistypes the next passwords, by default the last digit one off', () => {
    const targets = new LinkBench().targets();
    const { mishaps } = targets;
    operatorWrongPassword.apply(targets, operatorWrongPassword.params.parse({ times: '2' }));
    expect(mishaps.take('password')?.typed('0009')).toBe('0000');
    expect(mishaps.take('password')?.typed('1234')).toBe('1235');
    expect(mishaps.take('password')).toBeUndefined();
    operatorWrongPassword.apply(targets, operatorWrongPassword.params.parse({ typed: '4321' }));
    expect(mishaps.take('password')?.typed('0000')).toBe('4321');
  });

  it('wrong_amount: one zero too many, or the amount given', () => {
    const targets = new LinkBench().targets();
    const { mishaps } = targets;
    operatorWrongAmount.apply(targets, operatorWrongAmount.params.parse({}));
    expect(mishaps.take('amount')?.keyed(12850)).toBe(128500);
    operatorWrongAmount.apply(targets, operatorWrongAmount.params.parse({ amount: '1.00' }));
    expect(mishaps.take('amount')?.keyed(12850)).toBe(100);
  });

  it('wrong_menu and pinpad.cancel queue one mishap each', () => {
    const targets = new LinkBench().targets();
    const { mishaps } = targets;
    operatorWrongMenu.apply(targets, operatorWrongMenu.params.parse({ key: '3' }));
    const heal = pinpadCancel.apply(targets, pinpadCancel.params.parse({}));
    expect(mishaps.take('menu')?.key).toBe('3');
    heal();
    expect(mishaps.take('pin-cancel')).toBeUndefined();
  });
});
