import { ResponseCode } from '../response-codes.ts';
import { amountField } from './financial-answer.ts';
import { debitDecision, financialHandler, issuerOutcome } from './financial.ts';

/**
 * 0200 → 0210 sale (60.1 = 22): the issuer decides, and an approval debits the card by the
 * approved amount. A partial approval (10) says how much in field 4 of the answer.
 */
export const sale = financialHandler({
  type: 'sale',
  processingCode: '000000',
  needsAmount: true,
  decide(input) {
    const { request, context, panToken } = input;
    const amountMinor = request.amountMinor ?? 0;
    const decision = debitDecision(input);
    const outcome = issuerOutcome(decision, amountMinor, () => context.store.debit(panToken, decision.approvedMinor));
    return decision.code === ResponseCode.partialApproval ? { ...outcome, fields: { 4: amountField(decision.approvedMinor) } } : outcome;
  },
});
