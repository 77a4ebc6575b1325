import type { HostStore, JournalRow } from '../store/host-store.ts';
import type { FinancialRequest } from './financial-request.ts';

/**
 * The journal row a void, refund or completion refers to: by field 61 (batch and STAN) on
 * this terminal, else by field 37 among the merchant's approvals (a refund at another till).
 * Whatever is given must agree: 61 and 37 must name the same row.
 */
export function findOriginal(store: HostStore, request: FinancialRequest, mti: string): JournalRow | undefined {
  const { original, originalRrn } = request;
  const here = original && store.journalEntry({ terminalId: request.terminalId, batch: original.batch, stan: original.stan, mti });
  const row = here ?? (originalRrn === undefined ? undefined : store.journal({ merchantId: request.merchantId, rrn: originalRrn, mti, status: 'approved' })[0]);
  if (!row) return undefined;
  if (originalRrn !== undefined && row.rrn !== originalRrn) return undefined;
  if (original && (row.batch !== original.batch || row.stan !== original.stan)) return undefined;
  return row;
}
