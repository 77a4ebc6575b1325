import { isHandedOver, type TransactionRecord } from './record.ts';

export interface BatchTotals {
  readonly debitCount: number;
  readonly debitMinor: number;
  readonly creditCount: number;
  readonly creditMinor: number;
}

/** A sale or completion stops counting once a void of it is completed. */
export function isVoided(record: TransactionRecord, records: readonly TransactionRecord[]): boolean {
  return records.some(
    (r) => r.kind === 'void' && r.state === 'completed' && r.original?.stan === record.stan && r.original.batch === record.batch,
  );
}

/** What a refund may still give back of an original the terminal knows (by RRN). */
export function refundable(original: TransactionRecord, records: readonly TransactionRecord[]): number {
  const refunded = records
    .filter((r) => r.kind === 'refund' && (r.state === 'completed' || r.state === 'approved') && r.original?.rrn === original.rrn)
    .reduce((sum, r) => sum + r.amountMinor, 0);
  return Math.max(0, original.amountMinor - refunded);
}

/**
 * The transactions settlement counts and a batch upload sends: completed sales and
 * completions that were not voided (debits) — offline sales among them, advised or not — and
 * completed refunds (credits). Voids, pre-auths, declines and reversed requests count in neither.
 */
export function settledTransactions(records: readonly TransactionRecord[], batch: string): TransactionRecord[] {
  return records.filter((r) => {
    if (r.batch !== batch || !isHandedOver(r)) return false;
    if (r.kind === 'refund') return true;
    return (r.kind === 'sale' || r.kind === 'completion') && !isVoided(r, records);
  });
}

export function batchTotals(records: readonly TransactionRecord[], batch: string): BatchTotals {
  const totals = { debitCount: 0, debitMinor: 0, creditCount: 0, creditMinor: 0 };
  for (const r of settledTransactions(records, batch)) {
    if (r.kind === 'refund') {
      totals.creditCount += 1;
      totals.creditMinor += r.amountMinor;
    } else {
      totals.debitCount += 1;
      totals.debitMinor += r.amountMinor;
    }
  }
  return totals;
}

/** Field 48 of a 0500: debit count n3, debit amount n12, credit count n3, credit amount n12. */
export function totalsField(totals: BatchTotals): string {
  const n = (value: number, width: number) => String(value).padStart(width, '0');
  return n(totals.debitCount, 3) + n(totals.debitMinor, 12) + n(totals.creditCount, 3) + n(totals.creditMinor, 12);
}
