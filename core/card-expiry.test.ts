import { describe, expect, it } from 'vitest';
import { cardExpired } from './card-expiry.ts';

describe('cardExpired', () => {
  // 2026-03-31 20:00 UTC is already 1 April 2026 in Beijing.
  const lateMarchUtc = Date.UTC(2026, 2, 31, 20, 0, 0);

  it('keeps a card good through its expiry month, by local time', () => {
    expect(cardExpired('2604', lateMarchUtc)).toBe(false);
    expect(cardExpired('2603', Date.UTC(2026, 2, 31, 12, 0, 0))).toBe(false);
    expect(cardExpired('2603', lateMarchUtc)).toBe(true);
    expect(cardExpired('1212', lateMarchUtc)).toBe(true);
    expect(cardExpired('3012', lateMarchUtc)).toBe(false);
  });

  it('leaves an expiry it cannot read to the issuer', () => {
    expect(cardExpired('', lateMarchUtc)).toBe(false);
    expect(cardExpired('1213', lateMarchUtc)).toBe(false);
  });
});
