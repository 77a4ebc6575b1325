import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFeeSchedule, settlementTermsSchema } from '../fees/fee-schedule.ts';
import { businessDayBounds, businessDayOf, isBusinessDay, nextBusinessDay } from './business-day.ts';
import { buildStatement } from './merchant-statement.ts';
import type { StatementLine } from './merchant-statement.ts';

const line = (kind: StatementLine['kind'], amountMinor: number, product: StatementLine['product'] = 'debit', entryMode = '051'): StatementLine => ({
  kind,
  amountMinor,
  product,
  entryMode,
  terminalId: 'T0000001',
  batch: '000001',
  stan: '000001',
});

describe('merchant statement', () => {
  it('adds up a day: gross, refunds, discount fees, payout fee and net', () => {
    const statement = buildStatement({
      merchantId: '898310048160001',
      businessDate: '2026-11-22',
      lines: [line('sale', 12_850), line('sale', 500_000), line('sale', 20_000, 'credit', '071'), line('refund', 2_000)],
      terms: settlementTermsSchema.parse({ mode: 'T+0', payoutFeeMinor: 200 }),
      schedule: defaultFeeSchedule,
    });
    // 0.5 % of 128.50 = 64.25 fen → 64; 0.5 % of 5000 = 25 yuan, capped at 20; QuickPass 0.38 % of 200 = 76.
    expect(statement).toMatchObject({
      settlement: 'T+0',
      payoutDate: '2026-11-22',
      salesCount: 3,
      grossMinor: 532_850,
      refundsCount: 1,
      refundsMinor: 2_000,
      discountFeesMinor: 64 + 2_000 + 76,
      payoutFeeMinor: 200,
      feesMinor: 2_340,
      netMinor: 532_850 - 2_000 - 2_340,
    });
    expect(statement.lines.map((priced) => priced.fee?.feeMinor)).toEqual([64, 2_000, 76, undefined]);
  });

  it('pays T+1 the next calendar day, across a month end', () => {
    const statement = buildStatement({
      merchantId: '898310048160001',
      businessDate: '2026-11-30',
      lines: [],
      terms: settlementTermsSchema.parse({}),
      schedule: defaultFeeSchedule,
    });
    expect(statement).toMatchObject({ payoutDate: '2026-12-01', grossMinor: 0, feesMinor: 0, netMinor: 0 });
  });

  it('charges no payout fee when refunds outweigh sales, and never more than is payable', () => {
    const terms = settlementTermsSchema.parse({ mode: 'T+0', payoutFeeMinor: 500 });
    const owing = buildStatement({ merchantId: 'M', businessDate: '2026-11-22', lines: [line('sale', 1_000), line('refund', 5_000)], terms, schedule: defaultFeeSchedule });
    expect(owing).toMatchObject({ payoutFeeMinor: 0, netMinor: 1_000 - 5_000 - 5 });
    const small = buildStatement({ merchantId: 'M', businessDate: '2026-11-22', lines: [line('sale', 300)], terms, schedule: defaultFeeSchedule });
    expect(small).toMatchObject({ discountFeesMinor: 2, payoutFeeMinor: 298, netMinor: 0 });
  });

  it('never has a negative fee or one above the cap, and nets exactly', () => {
    const lines = fc.array(
      fc.record({
        kind: fc.constantFrom('sale' as const, 'refund' as const),
        amountMinor: fc.integer({ min: 1, max: 99_999_999 }),
        product: fc.constantFrom('debit' as const, 'credit' as const, 'quickpass' as const),
        entryMode: fc.constantFrom('051', '021', '071', '031', '801'),
        terminalId: fc.constant('T0000001'),
        batch: fc.constant('000001'),
        stan: fc.constant('000001'),
      }),
      { maxLength: 60 },
    );
    const terms = fc.record({ mode: fc.constantFrom('T+0' as const, 'T+1' as const), payoutFeeMinor: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(
      fc.property(lines, terms, (generated, settlement) => {
        const statement = buildStatement({ merchantId: 'M', businessDate: '2026-11-22', lines: generated, terms: settlement, schedule: defaultFeeSchedule });
        for (const priced of statement.lines) {
          if (!priced.fee) continue;
          expect(priced.fee.feeMinor).toBeGreaterThanOrEqual(0);
          if (priced.fee.basis === 'debit') expect(priced.fee.feeMinor).toBeLessThanOrEqual(defaultFeeSchedule.debit.capMinor);
          expect(priced.fee.feeMinor).toBeLessThanOrEqual(priced.amountMinor);
        }
        expect(statement.payoutFeeMinor).toBeGreaterThanOrEqual(0);
        expect(statement.feesMinor).toBe(statement.discountFeesMinor + statement.payoutFeeMinor);
        expect(statement.netMinor).toBe(statement.grossMinor - statement.refundsMinor - statement.feesMinor);
        expect(statement.grossMinor).toBe(generated.filter((l) => l.kind === 'sale').reduce((sum, l) => sum + l.amountMinor, 0));
        expect(statement.refundsMinor).toBe(generated.filter((l) => l.kind === 'refund').reduce((sum, l) => sum + l.amountMinor, 0));
        expect(Number.isSafeInteger(statement.netMinor)).toBe(true);
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });
});

describe('business day', () => {
  it('is the calendar day in the host time zone', () => {
    // 23:30 UTC on the 21st is 07:30 on the 22nd in Beijing.
    expect(businessDayOf(Date.UTC(2026, 10, 21, 23, 30), 480)).toBe('2026-11-22');
    expect(businessDayOf(Date.UTC(2026, 10, 21, 15, 59, 59, 999), 480)).toBe('2026-11-21');
    expect(businessDayBounds('2026-11-22', 480)).toEqual({ from: Date.UTC(2026, 10, 21, 16), to: Date.UTC(2026, 10, 22, 16) });
    expect(nextBusinessDay('2026-12-31')).toBe('2027-01-01');
    expect(nextBusinessDay('2028-02-28')).toBe('2028-02-29');
  });

  it('knows a real date when it sees one', () => {
    expect(isBusinessDay('2026-11-22')).toBe(true);
    expect(isBusinessDay('2026-02-30')).toBe(false);
    expect(isBusinessDay('20261122')).toBe(false);
  });
});
