import { settlementTermsSchema, defaultSettlementTerms } from '../fees/fee-schedule.ts';
import type { FeeSchedule, SettlementTerms, SettlementTermsInput } from '../fees/fee-schedule.ts';
import { HostError } from '../host-errors.ts';
import type { HostStore } from '../store/host-store.ts';
import { businessDayBounds, businessDayOf, isBusinessDay } from './business-day.ts';
import { statementLine } from './journal-lines.ts';
import { buildStatement } from './merchant-statement.ts';
import type { MerchantStatement, StatementLine } from './merchant-statement.ts';
import type { SettlementTermsStore } from './settlement-terms-store.ts';

/** Settlement statements and payout terms, for operators and the admin API. */
export interface StatementDesk {
  terms(merchantId: string): SettlementTerms;
  setTerms(merchantId: string, terms: SettlementTermsInput): void;
  /** One merchant's statement for one business day (`YYYY-MM-DD`, host local time). */
  statement(merchantId: string, businessDate: string): MerchantStatement;
  /** The statement of every merchant with money moving that day. */
  statements(businessDate: string): MerchantStatement[];
  /** The business day a host timestamp falls in. */
  businessDay(ms: number): string;
}

export interface StatementDeskDeps {
  readonly store: Pick<HostStore, 'journal' | 'card' | 'merchant'>;
  readonly terms: SettlementTermsStore;
  readonly schedule: FeeSchedule;
  readonly utcOffsetMinutes: number;
}

/**
 * Statements are computed from the journal when asked, so they always agree with it: a sale
 * voided or reversed later drops out of its own day's statement. A day's statement is final
 * once that day's batches are settled.
 */
export function createStatementDesk(deps: StatementDeskDeps): StatementDesk {
  const { store, schedule, utcOffsetMinutes } = deps;
  const productOf = (panToken: string) => store.card(panToken)?.product ?? 'debit';

  const linesOf = (businessDate: string, merchantId?: string) => {
    if (!isBusinessDay(businessDate)) throw new HostError('HOST_INVALID', `business date must be YYYY-MM-DD, got ${businessDate}`);
    const { from, to } = businessDayBounds(businessDate, utcOffsetMinutes);
    const byMerchant = new Map<string, StatementLine[]>();
    for (const row of store.journal(merchantId === undefined ? {} : { merchantId })) {
      if (row.createdAt < from || row.createdAt >= to) continue;
      const line = statementLine(row, productOf);
      if (!line) continue;
      const lines = byMerchant.get(row.merchantId) ?? [];
      lines.push(line);
      byMerchant.set(row.merchantId, lines);
    }
    return byMerchant;
  };

  const terms = (merchantId: string) => deps.terms.terms(merchantId) ?? defaultSettlementTerms;
  const build = (merchantId: string, businessDate: string, lines: readonly StatementLine[]) =>
    buildStatement({ merchantId, businessDate, lines, terms: terms(merchantId), schedule });

  return {
    terms,
    setTerms(merchantId, input) {
      if (!store.merchant(merchantId)) throw new HostError('HOST_UNKNOWN', `merchant ${merchantId} is not registered`);
      const parsed = settlementTermsSchema.safeParse(input);
      if (!parsed.success) throw new HostError('HOST_INVALID', `settlement terms for ${merchantId}: ${parsed.error.issues[0]?.message}`);
      deps.terms.setTerms(merchantId, parsed.data);
    },
    statement(merchantId, businessDate) {
      return build(merchantId, businessDate, linesOf(businessDate, merchantId).get(merchantId) ?? []);
    },
    statements(businessDate) {
      const byMerchant = linesOf(businessDate);
      return [...byMerchant.keys()].sort().map((merchantId) => build(merchantId, businessDate, byMerchant.get(merchantId) ?? []));
    },
    businessDay: (ms) => businessDayOf(ms, utcOffsetMinutes),
  };
}
