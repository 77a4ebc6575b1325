import { feeFor } from '../fees/fee-for.ts';
import type { FeeProduct, FeeQuote } from '../fees/fee-for.ts';
import type { FeeSchedule, SettlementTerms } from '../fees/fee-schedule.ts';
import { nextBusinessDay } from './business-day.ts';

/** One approved money movement of the day, as the statement needs it. */
export interface StatementLine {
  /** Sales and pre-auth completions are `sale`; refunds are `refund`. */
  readonly kind: 'sale' | 'refund';
  readonly amountMinor: number;
  readonly product: FeeProduct;
  readonly entryMode: string;
  readonly terminalId: string;
  readonly batch: string;
  readonly stan: string;
}

export interface PricedLine extends StatementLine {
  readonly fee: FeeQuote | undefined;
}

export interface MerchantStatement {
  readonly merchantId: string;
  readonly businessDate: string;
  readonly settlement: SettlementTerms['mode'];
  readonly payoutDate: string;
  readonly salesCount: number;
  readonly grossMinor: number;
  readonly refundsCount: number;
  readonly refundsMinor: number;
  /** Merchant discount on the day's sales. */
  readonly discountFeesMinor: number;
  /** The fixed fee for this payout, when the terms have one and there is something to pay. */
  readonly payoutFeeMinor: number;
  /** discountFeesMinor + payoutFeeMinor. */
  readonly feesMinor: number;
  /** grossMinor − refundsMinor − feesMinor, exactly; negative when refunds outweigh the day's sales. */
  readonly netMinor: number;
  readonly lines: readonly PricedLine[];
}

export interface StatementInput {
  readonly merchantId: string;
  readonly businessDate: string;
  readonly lines: readonly StatementLine[];
  readonly terms: SettlementTerms;
  readonly schedule: FeeSchedule;
}

/**
 * One merchant's settlement statement for one business day, in whole fen. Each sale pays its
 * own discount, rounded on its own (half-up to the fen); a refund returns the amount but not
 * the discount already charged, as acquirers in China do (退货不退手续费). The payout fee is
 * charged only when there is something to pay out, and never more than that.
 */
export function buildStatement(input: StatementInput): MerchantStatement {
  const { terms, schedule } = input;
  let grossMinor = 0;
  let refundsMinor = 0;
  let discountFeesMinor = 0;
  let salesCount = 0;
  let refundsCount = 0;
  const lines: PricedLine[] = [];
  for (const line of input.lines) {
    if (line.kind === 'sale') {
      const fee = feeFor(line, schedule);
      salesCount++;
      grossMinor += line.amountMinor;
      discountFeesMinor += fee.feeMinor;
      lines.push({ ...line, fee });
    } else {
      refundsCount++;
      refundsMinor += line.amountMinor;
      lines.push({ ...line, fee: undefined });
    }
  }
  const payable = grossMinor - refundsMinor - discountFeesMinor;
  const payoutFeeMinor = payable > 0 ? Math.min(terms.payoutFeeMinor, payable) : 0;
  const feesMinor = discountFeesMinor + payoutFeeMinor;
  return {
    merchantId: input.merchantId,
    businessDate: input.businessDate,
    settlement: terms.mode,
    payoutDate: terms.mode === 'T+0' ? input.businessDate : nextBusinessDay(input.businessDate),
    salesCount,
    grossMinor,
    refundsCount,
    refundsMinor,
    discountFeesMinor,
    payoutFeeMinor,
    feesMinor,
    netMinor: grossMinor - refundsMinor - feesMinor,
    lines,
  };
}
