import { decryptPinFormat0, PinBlockError } from '../../protocol/crypto/pin-block.ts';
import { ResponseCode } from '../response-codes.ts';
import type { CardRecord, CardStatus } from '../store/host-store.ts';
import type { CardTokens } from './card-tokens.ts';

/** Wrong PINs in a row after which the card answers 75 until the issuer resets it. */
export const maxPinTries = 3;

export interface SaleAttempt {
  readonly pan: string;
  readonly amountMinor: number;
  /** The encrypted PIN block from field 52, when the terminal captured a PIN. */
  readonly pinBlock: Uint8Array | undefined;
  readonly pinKey: Uint8Array;
  /** The host's date as YYMM, compared with the card's expiry. */
  readonly today: string;
}

export interface IssuerDecision {
  readonly code: ResponseCode;
  /** The card's PIN try counter after this attempt, present only when it changes. */
  readonly pinTries?: number;
}

const statusCodes: Readonly<Record<Exclude<CardStatus, 'active'>, ResponseCode>> = {
  lost: ResponseCode.lostCard,
  stolen: ResponseCode.stolenCard,
  restricted: ResponseCode.notPermitted,
};

/**
 * The issuer's answer to a sale, in the order a card issuer checks: the card exists, is in
 * date, is in good standing, the PIN is right, the money is there. It decides only; the
 * caller books the decision (journal, PIN counter, debit) in one transaction.
 */
export function authorizeSale(attempt: SaleAttempt, card: CardRecord | undefined, tokens: CardTokens): IssuerDecision {
  if (!card) return { code: ResponseCode.invalidCard };
  if (attempt.today > card.expiry) return { code: ResponseCode.expiredCard };
  if (card.status !== 'active') return { code: statusCodes[card.status] };

  const pin = checkPin(attempt, card, tokens);
  if (pin.code !== ResponseCode.approved) return pin;

  if (attempt.amountMinor > card.balanceMinor) return { ...pin, code: ResponseCode.insufficientFunds };
  return pin;
}

function checkPin(attempt: SaleAttempt, card: CardRecord, tokens: CardTokens): IssuerDecision {
  if (card.pinTries >= maxPinTries) return { code: ResponseCode.pinTriesExceeded };
  if (!attempt.pinBlock) {
    // A credit card may be signed for; a debit card always needs its PIN.
    return { code: card.product === 'credit' ? ResponseCode.approved : ResponseCode.incorrectPin };
  }
  if (pinIsRight(attempt.pinBlock, attempt, card, tokens)) {
    return card.pinTries > 0 ? { code: ResponseCode.approved, pinTries: 0 } : { code: ResponseCode.approved };
  }
  const tries = card.pinTries + 1;
  return { code: tries >= maxPinTries ? ResponseCode.pinTriesExceeded : ResponseCode.incorrectPin, pinTries: tries };
}

function pinIsRight(pinBlock: Uint8Array, attempt: SaleAttempt, card: CardRecord, tokens: CardTokens): boolean {
  let pin: string;
  try {
    pin = decryptPinFormat0(pinBlock, attempt.pan, attempt.pinKey);
  } catch (error) {
    // A block that does not decrypt to format 0 was made with another key or PAN: a wrong PIN.
    if (error instanceof PinBlockError) return false;
    throw error;
  }
  return tokens.pinMatches(attempt.pan, pin, card.pinVerifier);
}
