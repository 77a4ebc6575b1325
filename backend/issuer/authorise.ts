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
  if (card.behaviour === 'unavailable') return decision(ResponseCode.issuerUnavailable, 0, delayMs, undefined);

  const { ask } = request;
  if (ask.kind !== 'follow-up') {
    if (request.today > card.expiry) return decision(ResponseCode.expiredCard, 0, delayMs, undefined);
    if (card.status !== 'active') return decision(statusCodes[card.status], 0, delayMs, undefined);
  }

  let pinTries: number | undefined;
  if (request.pinBlock) {
    const pin = checkPin(request.pan, request.pinBlock, request.pinKey, card, tokens);
    if (pin.code !== ResponseCode.approved) return decision(pin.code, 0, delayMs, pin.pinTries);
    pinTries = pin.pinTries;
  } else if (ask.kind !== 'follow-up' && !mayGoWithoutPin(card, ask)) {
    return decision(ResponseCode.incorrectPin, 0, delayMs, undefined);
  }

  if (ask.kind !== 'debit') return decision(ResponseCode.approved, 0, delayMs, pinTries);
  const available = card.balanceMinor - card.heldMinor;
  if (card.behaviour === 'partial') {
    const approvedMinor = Math.min(ask.amountMinor, Math.max(0, available), card.partialLimitMinor ?? Number.MAX_SAFE_INTEGER);
    if (approvedMinor <= 0) return decision(ResponseCode.insufficientFunds, 0, delayMs, pinTries);
    const code = approvedMinor < ask.amountMinor ? ResponseCode.partialApproval : ResponseCode.approved;
    return decision(code, approvedMinor, delayMs, pinTries);
  }
  if (ask.amountMinor > available) return decision(ResponseCode.insufficientFunds, 0, delayMs, pinTries);
  return decision(ResponseCode.approved, ask.amountMinor, delayMs, pinTries);
}

/**
 * A decision, with `pinTries` only when it changes. A module function rather than closures over
 * the delay and the PIN tries: each closure cost a function object, and under tsx a name too.
 */
function decision(code: ResponseCode, approvedMinor: number, delayMs: number, pinTries: number | undefined): IssuerDecision {
  return pinTries === undefined ? { code, approvedMinor, delayMs } : { code, approvedMinor, delayMs, pinTries };
}

/** A credit card may be signed for; a QuickPass tap is PIN-free up to its limit; a debit card always needs its PIN. */
function mayGoWithoutPin(card: CardRecord, ask: IssuerAsk): boolean {
  if (ask.kind !== 'debit') return false;
  if (card.product === 'credit') return true;
  return card.product === 'quickpass' && ask.amountMinor <= quickPassNoPinLimitMinor;
}
