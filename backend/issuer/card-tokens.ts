import { HmacSha256Key } from '../../protocol/crypto/hmac-sha256.ts';

/**
 * How the issuer recognises a card and its PIN without keeping either: a PAN becomes an
 * HMAC-SHA256 token under one host secret, and a PIN becomes an HMAC of PAN and PIN under
 * another. Both secrets come from the host's local master key, so a stolen database file
 * yields neither PANs nor PINs.
 */
export class CardTokens {
  readonly #panSecret: HmacSha256Key;
  readonly #pinSecret: HmacSha256Key;

  constructor(panSecret: Uint8Array, pinSecret: Uint8Array) {
    this.#panSecret = new HmacSha256Key(panSecret);
    this.#pinSecret = new HmacSha256Key(pinSecret);
  }

  panToken(pan: string): string {
    return this.#panSecret.hex(pan);
  }

  pinVerifier(pan: string, pin: string): string {
    // The separator keeps "12345"+"6789" and "1234"+"56789" apart.
    return this.#pinSecret.hex(`${pan}|${pin}`);
  }

  pinMatches(pan: string, pin: string, verifier: string): boolean {
    const actual = this.pinVerifier(pan, pin);
    if (actual.length !== verifier.length) return false;
    // Compared as text in time that does not depend on where they differ, as timingSafeEqual
    // would, without decoding both from hex into buffers first.
    let difference = 0;
    for (let i = 0; i < actual.length; i++) difference |= actual.charCodeAt(i) ^ verifier.charCodeAt(i);
    return difference === 0;
  }
}
