import { ResponseCode } from '../response-codes.ts';
import { amountField } from './financial-answer.ts';
import { debitDecision, financialHandler, issuerOutcome } from './financial.ts';

/**
 * 0100 → 0110 pre-authorisation (60.1 = 10): decided like a sale, but an approval holds the
 * funds instead of taking them. The ledger balance stays; what the card may spend drops until
 * a completion captures the money or a reversal releases the hold.
 */
export const preAuthorisation = financialHandler({
  type: 'preauth',
  processingCode: '030000',
  needsAmount: true,
  decide(input) {
    const { request, context, panToken } = input;
    const amountMinor = request.amountMinor ?? 0;
    const decision = debitDecision(input);
    const outcome = {
      ...issuerOutcome(decision, amountMinor, () => context.store.adjustHold(panToken, decision.approvedMinor)),
      holdMinor: decision.approvedMinor,
    };
    return decision.code === ResponseCode.partialApproval ? { ...outcome, fields: { 4: amountField(decision.approvedMinor) } } : outcome;
  },
});
