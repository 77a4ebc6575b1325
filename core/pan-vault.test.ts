import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../platform/random.ts';
import { PanVault, PanVaultError } from './pan-vault.ts';

describe('PanVault', () => {
  const vault = new PanVault(new Uint8Array(32).fill(1), seededRandom(7));

  it('opens what it sealed, and the sealed form never shows the PAN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,19}$/), (pan) => {
        const sealed = vault.seal(pan);
        expect(sealed).not.toContain(pan);
        expect(vault.open(sealed)).toBe(pan);
      }),
      { seed: 11 },
    );
  });

  it('refuses a sealed PAN under another terminal key or one that was altered', () => {
    const sealed = vault.seal('6222021234567890123');
    expect(() => new PanVault(new Uint8Array(32).fill(2), seededRandom(7)).open(sealed)).toThrow(PanVaultError);
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => vault.open(bytes.toString('base64'))).toThrow(PanVaultError);
  });
});
