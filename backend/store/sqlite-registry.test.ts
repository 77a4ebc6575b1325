import { describe, expect, it } from 'vitest';
import type { CardRecord } from './host-store.ts';
import { openHostStore } from './sqlite-host-store.ts';

describe('registry', () => {
  it('reads each card back as it was added, every field in its place', () => {
    const store = openHostStore();
    const plain: CardRecord = {
      panToken: 'a'.repeat(64),
      panMasked: '622202*********0123',
      expiry: '2812',
      status: 'active',
      product: 'debit',
      balanceMinor: 500_000,
      heldMinor: 0,
      pinVerifier: 'b'.repeat(64),
      pinTries: 0,
      behaviour: undefined,
      delayMs: undefined,
      partialLimitMinor: undefined,
    };
    const odd: CardRecord = {
      panToken: 'c'.repeat(64),
      panMasked: '622848*********0456',
      expiry: '2701',
      status: 'restricted',
      product: 'credit',
      balanceMinor: 70_000,
      heldMinor: 1_500,
      pinVerifier: 'd'.repeat(64),
      pinTries: 2,
      behaviour: 'partial',
      delayMs: 250,
      partialLimitMinor: 3_000,
    };
    store.addCard(plain);
    store.addCard(odd);
    expect(store.card(plain.panToken)).toStrictEqual(plain);
    expect(store.card(odd.panToken)).toStrictEqual(odd);
    expect(store.card('e'.repeat(64))).toBeUndefined();
    store.close();
  });
});
