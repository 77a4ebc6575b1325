import { PoslabError } from '../../platform/errors.ts';
import { defaultFeeSchedule } from './fee-schedule.ts';
import type { FeeSchedule } from './fee-schedule.ts';

export type FeeProduct = 'debit' | 'credit' | 'quickpass';

export interface FeeInput {
  readonly product: FeeProduct;
  /** Field 22 as sent (e.g. `051` chip with PIN, `071` contactless with PIN). */
  readonly entryMode: string;
  readonly amountMinor: number;
}

/** Which price applied and why: a statement line shows it next to the fee. */
export interface FeeQuote {
  readonly feeMinor: number;
  readonly rateBp: number;
  readonly basis: 'debit' | 'credit' | 'quickpass';
  readonly capped: boolean;
}

export class FeeError extends PoslabError {
  constructor(message: string) {
    super('FEE_INVALID', message, { side: 'local' });
  }
}

const BP_PER_UNIT = 10_000n;
const HALF = BP_PER_UNIT / 2n;

/**
 * The merchant discount for one payment, in whole fen. Rounding is half-up to the fen
 * (0.5 fen and above goes up), done in exact integer arithmetic, then the product's cap is
 * applied; a fee is never negative and never above the cap.
 */
export function feeFor(input: FeeInput, schedule: FeeSchedule = defaultFeeSchedule): FeeQuote {
  const { amountMinor, entryMode, product } = input;
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new FeeError(`amount must be whole fen ≥ 0, got ${amountMinor}`);
  const wallet = product === 'quickpass' || schedule.quickPass.entryModes.includes(entryMode.slice(0, 2));
  const quickPass = wallet && amountMinor <= schedule.quickPass.maxAmountMinor;
  const cardRate = product === 'quickpass' ? schedule.quickPass.aboveLimitProduct : product;
  const price = quickPass ? { rateBp: schedule.quickPass.rateBp, capMinor: undefined } : schedule[cardRate];
  const exact = (BigInt(amountMinor) * BigInt(price.rateBp) + HALF) / BP_PER_UNIT;
  const cap = price.capMinor;
  const capped = cap !== undefined && exact > BigInt(cap);
  return {
    feeMinor: capped ? cap : Number(exact),
    rateBp: price.rateBp,
    basis: quickPass ? 'quickpass' : cardRate,
    capped,
  };
}
