import { authorise } from '../issuer/authorise.ts';
import { ResponseCode } from '../response-codes.ts';
import type { JournalRow } from '../store/host-store.ts';
import { financialHandler, issuerOutcome } from './financial.ts';
import { findOriginal } from './original-transaction.ts';

/**
 * 0220 → 0230 refund (3 = 200000, 60.1 = 25) of an earlier sale or completion of the same
 * merchant and card, found by its RRN (field 37) and field 61, in any batch. Refunds of one
 * sale never add up to more than it; a voided or reversed sale has nothing left to refund.
 * An approval credits the card and counts against the sale.
 */
export const refund = financialHandler({
  type: 'refund',
  processingCode: '200000',
  needsAmount: true,
  decide({ request, context, pinKey, panToken, card, today }) {
    const amountMinor = request.amountMinor ?? 0;
    const original = findOriginal(context.store, request, '0200');
    if (!original || !refundable(original, panToken, amountMinor)) return { code: ResponseCode.invalidTransaction, amountMinor };
    const decision = authorise({ pan: request.pan, pinBlock: request.pinBlock, pinKey, today, ask: { kind: 'follow-up' } }, card, context.tokens);
    const outcome = issuerOutcome(decision, amountMinor, () => {
      context.store.adjustBalance(panToken, amountMinor);
      context.store.updateJournal(original.id, { refundedMinor: original.refundedMinor + amountMinor });
    });
    return { ...outcome, amountMinor, originalId: original.id };
  },
});

function refundable(original: JournalRow, panToken: string, amountMinor: number): boolean {
  return (
    (original.type === 'sale' || original.type === 'completion') &&
    original.status === 'approved' &&
    !original.reversed &&
    !original.voided &&
    original.panToken === panToken &&
    original.refundedMinor + amountMinor <= original.amountMinor
  );
}
