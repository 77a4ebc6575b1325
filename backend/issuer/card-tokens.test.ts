import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CardTokens } from './card-tokens.ts';

describe('card tokens', () => {
  const panSecret = Uint8Array.from({ length: 32 }, (_, i) => i);
  const pinSecret = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const tokens = new CardTokens(panSecret, pinSecret);

  // Journals and card tables on disk hold these values: they must never change for a given secret.
  it('are HMAC-SHA256 of the PAN, and of PAN|PIN, as in every database written so far', () => {
    expect(tokens.panToken('6222020000000000019')).toBe(createHmac('sha256', panSecret).update('6222020000000000019').digest('hex'));
    expect(tokens.pinVerifier('6222020000000000019', '123456')).toBe(createHmac('sha256', pinSecret).update('6222020000000000019|123456').digest('hex'));
  });

  it('match a PIN only against its own verifier', () => {
    const verifier = tokens.pinVerifier('6222020000000000019', '123456');
    expect(tokens.pinMatches('6222020000000000019', '123456', verifier)).toBe(true);
    expect(tokens.pinMatches('6222020000000000019', '123457', verifier)).toBe(false);
    expect(tokens.pinMatches('6222020000000000027', '123456', verifier)).toBe(false);
  });
});
