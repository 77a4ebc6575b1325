import type { HostStore, JournalRow } from '../store/host-store.ts';
import type { FinancialRequest } from './financial-request.ts';

/**
 * The journal row a void, refund or completion refers to: by field 61 (batch and STAN on
 * this terminal) when given, else by field 37 among the merchant's approvals. When both are
 * given they must name the same row.
 */
export function findOriginal(store: HostStore, request: FinancialRequest, mti: string): JournalRow | undefined {
  const { original, originalRrn } = request;
  if (original) {
    const row = store.journalEntry({ terminalId: request.terminalId, batch: original.batch, stan: original.stan, mti });
    if (row) return originalRrn === undefined || originalRrn === row.rrn ? row : undefined;
  }
  if (originalRrn === undefined) return undefined;
  return store.journal({ merchantId: request.merchantId, rrn: originalRrn, mti, status: 'approved' })[0];
}
