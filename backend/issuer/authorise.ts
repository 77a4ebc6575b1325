import type { TdesKey } from '../../protocol/crypto/tdes.ts';
import { ResponseCode } from '../response-codes.ts';
import type { CardRecord, CardStatus } from '../store/host-store.ts';
import type { CardTokens } from './card-tokens.ts';
import { checkPin } from './pin-check.ts';

/** QuickPass taps up to this amount need no PIN (小额免密, 1000 yuan). */
export const quickPassNoPinLimitMinor = 100_000;

/**
 * What the acquirer asks the issuer. `debit` takes money now or holds it (sale,
 * pre-authorisation); `inquiry` asks for the balance; `follow-up` is a void, refund or
 * completion of money the issuer agreed to earlier, so only the card, the issuer's reach and a
 * PIN the terminal chose to send are checked.
 */
export type IssuerAsk =
  | { readonly kind: 'debit'; readonly amountMinor: number }
  | { readonly kind: 'inquiry' }
  | { readonly kind: 'follow-up' };

export interface IssuerRequest {
  readonly pan: string;
  /** Field 52, when the terminal captured a PIN. */
  readonly pinBlock: Uint8Array | undefined;
  readonly pinKey: TdesKey;
  /** The host's date as YYMM, compared with the card's expiry. */
  readonly today: string;
  readonly ask: IssuerAsk;
}

export interface IssuerDecision {
  readonly code: ResponseCode;
  /** What the issuer agrees to move: the amount asked, less on a partial approval, 0 on a decline. */
  readonly approvedMinor: number;
  /** The card's PIN try counter after this attempt, present only when it changes. */
  readonly pinTries?: number;
  /** How long the issuer took to answer (a `slow` card); the host books at once and answers this late. */
  readonly delayMs: number;
}

const statusCodes: Readonly<Record<Exclude<CardStatus, 'active'>, ResponseCode>> = {
  lost: ResponseCode.lostCard,
  stolen: ResponseCode.stolenCard,
  restricted: ResponseCode.notPermitted,
};

/**
 * The simulated issuer's answer, in the order a card issuer checks: the card exists, the
 * issuer is reachable, the card is in date and in good standing, the PIN is right, the money
 * is there. It decides only; the caller books the decision (journal, PIN counter, money) in
 * one transaction.
 */
export function authorise(request: IssuerRequest, card: CardRecord | undefined, tokens: CardTokens): IssuerDecision {
  if (!card) return { code: ResponseCode.invalidCard, approvedMinor: 0, delayMs: 0 };
  const delayMs = card.behaviour === 'slow' ? (card.delayMs ?? 0) : 0;
  const decline = (code: ResponseCode, pinTries?: number): IssuerDecision => ({
    code,
    approvedMinor: 0,
    delayMs,
    ...(pinTries !== undefined && { pinTries }),
  });
  if (card.behaviour === 'unavailable') return decline(ResponseCode.issuerUnavailable);

  const { ask } = request;
  if (ask.kind !== 'follow-up') {
    if (request.today > card.expiry) return decline(ResponseCode.expiredCard);
    if (card.status !== 'active') return decline(statusCodes[card.status]);
  }

  let pinTries: number | undefined;
  if (request.pinBlock) {
    const pin = checkPin(request.pan, request.pinBlock, request.pinKey, card, tokens);
    if (pin.code !== ResponseCode.approved) return decline(pin.code, pin.pinTries);
    pinTries = pin.pinTries;
  } else if (ask.kind !== 'follow-up' && !mayGoWithoutPin(card, ask)) {
    return decline(ResponseCode.incorrectPin);
  }
  const approve = (code: ResponseCode, approvedMinor: number): IssuerDecision => ({
    code,
    approvedMinor,
    delayMs,
    ...(pinTries !== undefined && { pinTries }),
  });

  if (ask.kind !== 'debit') return approve(ResponseCode.approved, 0);
  const available = card.balanceMinor - card.heldMinor;
  if (card.behaviour === 'partial') {
    const approvedMinor = Math.min(ask.amountMinor, Math.max(0, available), card.partialLimitMinor ?? Number.MAX_SAFE_INTEGER);
    if (approvedMinor <= 0) return approve(ResponseCode.insufficientFunds, 0);
    return approve(approvedMinor < ask.amountMinor ? ResponseCode.partialApproval : ResponseCode.approved, approvedMinor);
  }
  if (ask.amountMinor > available) return approve(ResponseCode.insufficientFunds, 0);
  return approve(ResponseCode.approved, ask.amountMinor);
}

/** A credit card may be signed for; a QuickPass tap is PIN-free up to its limit; a debit card always needs its PIN. */
function mayGoWithoutPin(card: CardRecord, ask: IssuerAsk): boolean {
  if (ask.kind !== 'debit') return false;
  if (card.product === 'credit') return true;
  return card.product === 'quickpass' && ask.amountMinor <= quickPassNoPinLimitMinor;
}
