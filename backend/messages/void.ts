import { authorise } from '../issuer/authorise.ts';
import { ResponseCode } from '../response-codes.ts';
import type { JournalRow, TerminalRecord } from '../store/host-store.ts';
import type { FinancialRequest } from './financial-request.ts';
import { financialHandler, issuerOutcome } from './financial.ts';
import { findOriginal } from './original-transaction.ts';

/**
 * 0200 → 0210 void (3 = 200000, 60.1 = 23) of a sale in the terminal's open batch: same card,
 * the same amount, not voided, refunded or reversed before. An approval gives the sale's
 * amount back and marks the sale voided; anything else is 12 and moves nothing.
 */
export const voidSale = financialHandler({
  type: 'void',
  processingCode: '200000',
  needsAmount: true,
  decide({ request, context, terminal, pinKey, panToken, card, today }) {
    const amountMinor = request.amountMinor ?? 0;
    const original = findOriginal(context.store, request, '0200');
    if (!original || !voidable(original, request, panToken, terminal)) {
      return { code: ResponseCode.invalidTransaction, amountMinor };
    }
    const decision = authorise({ pan: request.pan, pinBlock: request.pinBlock, pinKey, today, ask: { kind: 'follow-up' } }, card, context.tokens);
    const outcome = issuerOutcome(decision, amountMinor, () => {
      context.store.adjustBalance(panToken, original.amountMinor);
      context.store.updateJournal(original.id, { voided: true });
    });
    return { ...outcome, amountMinor, originalId: original.id };
  },
});

function voidable(original: JournalRow, request: FinancialRequest, panToken: string, terminal: TerminalRecord): boolean {
  return (
    original.type === 'sale' &&
    original.status === 'approved' &&
    !original.reversed &&
    !original.voided &&
    original.refundedMinor === 0 &&
    original.batch === terminal.batch &&
    original.panToken === panToken &&
    original.amountMinor === request.amountMinor &&
    (request.originalAuthCode === undefined || request.originalAuthCode === original.authCode)
  );
}
