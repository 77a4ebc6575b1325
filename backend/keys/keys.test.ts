import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../../platform/random.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb, tdesEncryptEcb } from '../../protocol/crypto/tdes.ts';
import { withOddParity } from './des-parity.ts';
import { LocalMasterKey } from './local-master-key.ts';
import { issueWorkingKeys, openWorkingKeys } from './working-keys.ts';

const tmk = Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex');

function oddParity(byte: number): boolean {
  let ones = 0;
  for (let bit = 0; bit < 8; bit++) ones += (byte >> bit) & 1;
  return ones % 2 === 1;
}

describe('DES parity', () => {
  it('sets odd parity and keeps the key bits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), (key) => {
        const fixed = withOddParity(key);
        expect([...fixed].every(oddParity)).toBe(true);
        expect([...fixed].map((b) => b & 0xfe)).toEqual([...key].map((b) => b & 0xfe));
      }),
      { seed: 42 },
    );
  });
});

describe('local master key', () => {
  it('has the published check value of the classic test key', () => {
    // 0123456789ABCDEF FEDCBA9876543210 encrypts the zero block to 08D7B4FB629D0885.
    expect(new LocalMasterKey(tmk).checkValue).toBe('08D7B4FB');
  });

  it('wraps and unwraps, and derives distinct secrets per purpose', () => {
    const lmk = LocalMasterKey.generate(seededRandom(1));
    const key = seededRandom(2).bytes(16);
    const wrapped = lmk.wrap(key);
    expect(Buffer.from(wrapped).equals(Buffer.from(key))).toBe(false);
    expect([...lmk.unwrap(wrapped)]).toEqual([...key]);
    expect(Buffer.from(lmk.derive('a')).equals(Buffer.from(lmk.derive('b')))).toBe(false);
    expect(() => new LocalMasterKey(new Uint8Array(8))).toThrow(expect.objectContaining({ code: 'HOST_INVALID' }));
  });
});

describe('working keys', () => {
  it('lays out field 62 as PIN key, KCV, MAC key, KCV, all under the TMK', () => {
    const lmk = LocalMasterKey.generate(seededRandom(3));
    const issued = issueWorkingKeys(seededRandom(4), tmk, lmk);
    expect(issued.field62).toHaveLength(40);
    const pinKey = tdesDecryptEcb(tmk, issued.field62.subarray(0, 16));
    const macKey = tdesDecryptEcb(tmk, issued.field62.subarray(20, 36));
    expect([...keyCheckValue(pinKey, 4)]).toEqual([...issued.field62.subarray(16, 20)]);
    expect([...keyCheckValue(macKey, 4)]).toEqual([...issued.field62.subarray(36, 40)]);
    expect([...pinKey].every(oddParity) && [...macKey].every(oddParity)).toBe(true);

    // The opened keys are cipher contexts: they prove themselves by what they compute.
    const opened = openWorkingKeys(issued.stored, lmk);
    const block = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(opened.pinKey.encryptEcb(block)).toEqual(tdesEncryptEcb(pinKey, block));
    expect(opened.macKey.mac(block)).toEqual(retailMac(macKey, block));
    expect(issued.stored.pinKeyKcv).toBe(Buffer.from(issued.field62.subarray(16, 20)).toString('hex').toUpperCase());
  });
});
