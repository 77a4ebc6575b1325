import type { HostStore, JournalRow, ReversalOutcome } from '../store/host-store.ts';

const SETTLES = new Set<JournalRow['type']>(['sale', 'completion', 'refund', 'void']);

/**
 * Why a journal row cannot be undone, or undefined when it can. A declined or already reversed
 * row has nothing left to undo. A sale that was voided or refunded, or a pre-authorisation
 * already completed, is undone through those, not behind their back. A settled batch is closed
 * money: what it paid out stays paid.
 */
export function undoBlocker(row: JournalRow): ReversalOutcome | undefined {
  if (row.status !== 'approved') return 'not-approved';
  if (row.reversed) return 'already-reversed';
  if (row.type === 'sale' && (row.voided || row.refundedMinor > 0)) return 'not-reversible';
  if (row.type === 'preauth' && row.holdMinor === 0) return 'not-reversible';
  if (SETTLES.has(row.type) && row.batchState === 'closed') return 'not-reversible';
  return undefined;
}

/**
 * Undoes exactly the money of one approved row and marks it reversed: a sale's amount comes
 * back, a pre-authorisation's hold is released, a completion's capture comes back and its
 * pre-authorisation holds again, a void's or refund's credit is taken back (this alone may
 * take a ledger below zero: the credit may have been spent). Call only when `undoBlocker` is
 * undefined, inside the store transaction.
 */
export function undoBooking(store: HostStore, row: JournalRow, reason: string, at: number): void {
  const original = row.originalId === undefined ? undefined : store.journalById(row.originalId);
  switch (row.type) {
    case 'sale':
      store.adjustBalance(row.panToken, row.amountMinor);
      break;
    case 'completion':
      store.adjustBalance(row.panToken, row.amountMinor);
      if (original && !original.reversed) {
        store.adjustHold(row.panToken, original.amountMinor);
        store.updateJournal(original.id, { holdMinor: original.amountMinor });
      }
      break;
    case 'preauth':
      store.adjustHold(row.panToken, -row.holdMinor);
      store.updateJournal(row.id, { holdMinor: 0 });
      break;
    case 'void':
      store.adjustBalance(row.panToken, -row.amountMinor);
      if (original) store.updateJournal(original.id, { voided: false });
      break;
    case 'refund':
      store.adjustBalance(row.panToken, -row.amountMinor);
      if (original) store.updateJournal(original.id, { refundedMinor: original.refundedMinor - row.amountMinor });
      break;
    case 'balance':
      break;
  }
  store.updateJournal(row.id, { reversed: { reason, at } });
}
