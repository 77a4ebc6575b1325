import { authorise } from '../issuer/authorise.ts';
import { ResponseCode } from '../response-codes.ts';
import { financialHandler, issuerOutcome } from './financial.ts';

const ACCOUNT_TYPE = '10';
const AVAILABLE_BALANCE = '02';
const CURRENCY = '156';

/**
 * 0200 → 0210 balance inquiry (3 = 310000, 60.1 = 01): the issuer checks card and PIN and the
 * answer's field 54 tells what the card may spend (ledger less holds). Nothing moves.
 */
export const balanceInquiry = financialHandler({
  type: 'balance',
  processingCode: '310000',
  needsAmount: false,
  decide({ request, context, pinKey, card, today }) {
    const decision = authorise({ pan: request.pan, pinBlock: request.pinBlock, pinKey, today, ask: { kind: 'inquiry' } }, card, context.tokens);
    const outcome = { ...issuerOutcome(decision, 0, () => {}), amountMinor: 0 };
    if (decision.code !== ResponseCode.approved || !card) return outcome;
    return { ...outcome, fields: { 54: balanceField(card.balanceMinor - card.heldMinor) } };
  },
});

/** Field 54: account type, amount type, currency, C or D, twelve digits. */
export function balanceField(availableMinor: number): string {
  const sign = availableMinor < 0 ? 'D' : 'C';
  return `${ACCOUNT_TYPE}${AVAILABLE_BALANCE}${CURRENCY}${sign}${String(Math.abs(availableMinor)).padStart(12, '0')}`;
}
