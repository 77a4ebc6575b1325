import { authorise } from '../issuer/authorise.ts';
import { ResponseCode } from '../response-codes.ts';
import type { JournalRow } from '../store/host-store.ts';
import type { FinancialRequest } from './financial-request.ts';
import { financialHandler, issuerOutcome } from './financial.ts';
import { findOriginal } from './original-transaction.ts';

const PRE_AUTH_CONDITION = '06';

/**
 * 0200 → 0210 pre-authorisation completion (25 = 06, 60.1 = 20): captures at most the
 * authorised amount of an open pre-authorisation of the same card, named by field 61 and its
 * authorisation id in field 38. An approval releases the whole hold and takes the captured
 * amount, which the hold had reserved, off the ledger.
 */
export const completion = financialHandler({
  type: 'completion',
  processingCode: '000000',
  needsAmount: true,
  decide({ request, context, pinKey, panToken, card, today }) {
    const amountMinor = request.amountMinor ?? 0;
    const preAuth = findOriginal(context.store, request, '0100');
    if (!preAuth || !completable(preAuth, request, panToken, amountMinor)) return { code: ResponseCode.invalidTransaction, amountMinor };
    const decision = authorise({ pan: request.pan, pinBlock: request.pinBlock, pinKey, today, ask: { kind: 'follow-up' } }, card, context.tokens);
    const outcome = issuerOutcome(decision, amountMinor, () => {
      context.store.adjustHold(panToken, -preAuth.holdMinor);
      context.store.updateJournal(preAuth.id, { holdMinor: 0 });
      context.store.adjustBalance(panToken, -amountMinor);
    });
    return { ...outcome, amountMinor, originalId: preAuth.id };
  },
});

function completable(preAuth: JournalRow, request: FinancialRequest, panToken: string, amountMinor: number): boolean {
  return (
    request.conditionCode === PRE_AUTH_CONDITION &&
    preAuth.type === 'preauth' &&
    preAuth.status === 'approved' &&
    !preAuth.reversed &&
    preAuth.holdMinor > 0 &&
    preAuth.panToken === panToken &&
    amountMinor <= preAuth.amountMinor &&
    (request.originalAuthCode === undefined || request.originalAuthCode === preAuth.authCode)
  );
}
