import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeeError, feeFor } from './fee-for.ts';
import { defaultFeeSchedule, feeSchedule } from './fee-schedule.ts';

const CHIP = '051';
const SWIPE = '021';
const CONTACTLESS = '071';
const QR = '031';

describe('feeFor (DOMAIN.md §5 price list)', () => {
  it('charges debit 0.5 %, capped at 20 yuan', () => {
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 10_000 })).toEqual({ feeMinor: 50, rateBp: 50, basis: 'debit', capped: false });
    expect(feeFor({ product: 'debit', entryMode: SWIPE, amountMinor: 400_000 }).feeMinor).toBe(2_000);
    expect(feeFor({ product: 'debit', entryMode: SWIPE, amountMinor: 400_100 })).toMatchObject({ feeMinor: 2_000, capped: true });
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 10_000_000 }).feeMinor).toBe(2_000);
  });

  it('charges credit 0.6 % with no cap', () => {
    expect(feeFor({ product: 'credit', entryMode: CHIP, amountMinor: 10_000_000 })).toEqual({
      feeMinor: 60_000,
      rateBp: 60,
      basis: 'credit',
      capped: false,
    });
  });

  it('charges QuickPass and QR 0.38 % up to 1000 yuan inclusive, the card rate above', () => {
    expect(feeFor({ product: 'credit', entryMode: CONTACTLESS, amountMinor: 100_000 })).toMatchObject({ feeMinor: 380, basis: 'quickpass' });
    expect(feeFor({ product: 'debit', entryMode: QR, amountMinor: 50_000 }).feeMinor).toBe(190);
    expect(feeFor({ product: 'credit', entryMode: CONTACTLESS, amountMinor: 100_001 })).toMatchObject({ feeMinor: 600, basis: 'credit' });
    expect(feeFor({ product: 'debit', entryMode: CONTACTLESS, amountMinor: 1_000_000 })).toMatchObject({ feeMinor: 2_000, basis: 'debit' });
  });

  it('charges a QuickPass-product card the QuickPass rate whatever the entry, the credit rate above the limit', () => {
    expect(feeFor({ product: 'quickpass', entryMode: CHIP, amountMinor: 100_000 })).toMatchObject({ feeMinor: 380, basis: 'quickpass' });
    expect(feeFor({ product: 'quickpass', entryMode: CONTACTLESS, amountMinor: 200_000 })).toMatchObject({ feeMinor: 1_200, basis: 'credit' });
  });

  it('rounds half-up to the fen', () => {
    // 0.5 % of 1.01 yuan is 0.505 fen → 1; of 0.99 yuan 0.495 fen → 0; 0.38 % of 1.32 yuan is 0.5016 fen → 1.
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 101 }).feeMinor).toBe(1);
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 99 }).feeMinor).toBe(0);
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 100 }).feeMinor).toBe(1);
    expect(feeFor({ product: 'credit', entryMode: CHIP, amountMinor: 125 }).feeMinor).toBe(1);
    expect(feeFor({ product: 'credit', entryMode: CONTACTLESS, amountMinor: 132 }).feeMinor).toBe(1);
    expect(feeFor({ product: 'credit', entryMode: CONTACTLESS, amountMinor: 131 }).feeMinor).toBe(0);
  });

  it('follows a schedule of its own', () => {
    const promotion = feeSchedule({ credit: { rateBp: 55 }, debit: { rateBp: 55 } });
    expect(feeFor({ product: 'credit', entryMode: CHIP, amountMinor: 100_000 }, promotion).feeMinor).toBe(550);
    expect(feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 1_000_000 }, promotion).feeMinor).toBe(2_000);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => feeFor({ product: 'debit', entryMode: CHIP, amountMinor: -1 })).toThrow(FeeError);
    expect(() => feeFor({ product: 'debit', entryMode: CHIP, amountMinor: 1.5 })).toThrow(FeeError);
  });

  const payment = fc.record({
    product: fc.constantFrom('debit' as const, 'credit' as const, 'quickpass' as const),
    entryMode: fc.constantFrom(CHIP, SWIPE, CONTACTLESS, QR, '981', '801', '012'),
    amountMinor: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 999_999_999_999 })),
  });

  it('is whole fen, never negative, never above the cap, within half a fen of the exact rate', () => {
    fc.assert(
      fc.property(payment, (input) => {
        const quote = feeFor(input);
        expect(Number.isSafeInteger(quote.feeMinor)).toBe(true);
        expect(quote.feeMinor).toBeGreaterThanOrEqual(0);
        if (quote.basis === 'debit') expect(quote.feeMinor).toBeLessThanOrEqual(2_000);
        const exact = (input.amountMinor * quote.rateBp) / 10_000;
        expect(quote.feeMinor).toBeLessThanOrEqual(Math.floor(exact + 0.5) + 1e-9);
        if (!quote.capped) expect(Math.abs(quote.feeMinor - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        const rates = { debit: defaultFeeSchedule.debit.rateBp, credit: defaultFeeSchedule.credit.rateBp, quickpass: defaultFeeSchedule.quickPass.rateBp };
        expect(quote.rateBp).toBe(rates[quote.basis]);
      }),
      { seed: 8583, numRuns: 2_000 },
    );
  });
});
