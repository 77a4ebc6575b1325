import type { HostStore, JournalRow, ReconciliationDifference, ReconciliationEntry, SettlementRow } from '../store/host-store.ts';
import { nextBatch } from './settlement-fields.ts';
import { undoBlocker, undoBooking } from './undo-booking.ts';

/** 60.1 codes of the uploads that settle, and the journal type each must match; 36, an offline sale, was booked as a sale from its advice. */
const settlingUploads: Readonly<Record<string, JournalRow['type']>> = { '22': 'sale', '20': 'completion', '25': 'refund', '36': 'sale' };
const settlingTypes = new Set(Object.values(settlingUploads));
const RECONCILIATION = 'reconciliation';

/**
 * Closes an unbalanced batch from the terminal's uploaded list (批上送对账). Each host approval
 * that settles is matched with the upload of the same STAN, type and card:
 * - not uploaded: the terminal does not know it (it lost the answer and did not reverse), so the
 *   merchant will not claim it; the host reverses it and the cardholder gets the money back,
 *   unless it can no longer be undone, then it settles;
 * - uploaded with another amount: it settles at the host's amount, the approved one;
 * - uploaded but not approved by the host: named, never booked.
 * Newest rows go first, so a refund is undone before the sale it refers to is considered. The
 * batch then closes with the totals that are left and the next batch opens. Runs inside the
 * store transaction.
 */
export function reconcileBatch(store: HostStore, settlement: SettlementRow, declaredCount: number, at: number): ReconciliationEntry {
  const { terminalId, batch } = settlement;
  const uploads = store.uploads(terminalId, batch).filter((upload) => settlingUploads[upload.messageType] !== undefined);
  const byStan = new Map(uploads.map((upload) => [upload.stan, upload]));
  const matched = new Set<string>();
  const differences: ReconciliationDifference[] = [];

  const settling = store
    .journal({ terminalId, batch, status: 'approved' })
    .filter((row) => settlingTypes.has(row.type))
    .reverse();
  for (const { id } of settling) {
    const row = store.journalById(id);
    if (!row || row.reversed || row.voided) continue;
    const upload = byStan.get(row.stan);
    if (!upload || upload.panToken !== row.panToken || settlingUploads[upload.messageType] !== row.type) {
      const undoable = undoBlocker(row) === undefined;
      if (undoable) undoBooking(store, row, RECONCILIATION, at);
      differences.push({ stan: row.stan, kind: 'not-uploaded', action: undoable ? 'reversed' : 'settled', hostMinor: row.amountMinor });
      continue;
    }
    matched.add(upload.stan);
    if (upload.amountMinor !== row.amountMinor) {
      differences.push({ stan: row.stan, kind: 'amount-differs', action: 'settled', hostMinor: row.amountMinor, terminalMinor: upload.amountMinor });
    }
  }
  for (const upload of uploads) {
    if (!matched.has(upload.stan)) {
      differences.push({ stan: upload.stan, kind: 'unknown-to-host', action: 'not-settled', terminalMinor: upload.amountMinor });
    }
  }

  const next = nextBatch(batch);
  store.saveSettlement({ ...settlement, state: 'closed', settledTotals: store.batchTotals(terminalId, batch), nextBatch: next, closedAt: at });
  store.openBatch(terminalId, next);
  const entry: ReconciliationEntry = {
    settlementId: settlement.id,
    terminalId,
    batch,
    declaredCount,
    uploadedCount: store.uploads(terminalId, batch).length,
    differences: differences.sort((a, b) => a.stan.localeCompare(b.stan)),
    createdAt: at,
  };
  store.appendReconciliation(entry);
  return entry;
}
