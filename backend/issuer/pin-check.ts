import { decryptPinFormat0, PinBlockError } from '../../protocol/crypto/pin-block.ts';
import type { TdesKey } from '../../protocol/crypto/tdes.ts';
import { ResponseCode } from '../response-codes.ts';
import type { CardRecord } from '../store/host-store.ts';
import type { CardTokens } from './card-tokens.ts';

/** Wrong PINs in a row after which the card answers 75 until the issuer resets it. */
export const maxPinTries = 3;

export interface PinCheck {
  readonly code: ResponseCode;
  /** The card's PIN try counter after this attempt, present only when it changes. */
  readonly pinTries?: number;
}

/**
 * The issuer's PIN verification: a locked card answers 75 even to the right PIN; a right PIN
 * resets the count; the third wrong one in a row locks the card. A block that does not decrypt
 * to format 0 was made under another key or for another PAN, which is a wrong PIN too.
 */
export function checkPin(pan: string, pinBlock: Uint8Array, pinKey: TdesKey, card: CardRecord, tokens: CardTokens): PinCheck {
  if (card.pinTries >= maxPinTries) return { code: ResponseCode.pinTriesExceeded };
  if (pinIsRight(pan, pinBlock, pinKey, card, tokens)) {
    return card.pinTries > 0 ? { code: ResponseCode.approved, pinTries: 0 } : { code: ResponseCode.approved };
  }
  const tries = card.pinTries + 1;
  return { code: tries >= maxPinTries ? ResponseCode.pinTriesExceeded : ResponseCode.incorrectPin, pinTries: tries };
}

function pinIsRight(pan: string, pinBlock: Uint8Array, pinKey: TdesKey, card: CardRecord, tokens: CardTokens): boolean {
  let pin: string;
  try {
    pin = decryptPinFormat0(pinBlock, pan, pinKey);
  } catch (error) {
    if (error instanceof PinBlockError) return false;
    throw error;
  }
  return tokens.pinMatches(pan, pin, card.pinVerifier);
}
