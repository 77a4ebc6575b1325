import { createCipheriv } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DesKey, putWord, wordAt } from './des.ts';
import { CryptoInputError } from './errors.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

function run(key: DesKey, block: Uint8Array, encrypt: boolean): Uint8Array {
  const halves = Int32Array.of(wordAt(block, 0), wordAt(block, 4));
  if (encrypt) key.encryptHalves(halves);
  else key.decryptHalves(halves);
  const out = new Uint8Array(8);
  putWord(out, 0, halves[0] as number);
  putWord(out, 4, halves[1] as number);
  return out;
}

/** Single DES from OpenSSL, which has it only as TDES with K‖K‖K. */
function openSsl(key: Uint8Array, block: Uint8Array): Uint8Array {
  const cipher = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null);
  cipher.setAutoPadding(false);
  return Uint8Array.from(cipher.update(block));
}

describe('single DES', () => {
  it('matches the FIPS 81 example ("Now is t" under 0123456789ABCDEF) both ways', () => {
    const key = new DesKey(hex('0123456789ABCDEF'));
    expect(toHex(run(key, hex('4E6F772069732074'), true))).toBe('3FA40E8A984D4815');
    expect(toHex(run(key, hex('3FA40E8A984D4815'), false))).toBe('4E6F772069732074');
  });

  it('enciphers as OpenSSL does and deciphers back, for any key and block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.uint8Array({ minLength: 8, maxLength: 8 }), (key, block) => {
        const des = new DesKey(key);
        const enciphered = run(des, block, true);
        expect(enciphered).toEqual(openSsl(key, block));
        expect(run(des, enciphered, false)).toEqual(block);
      }),
      { seed: 46, numRuns: 500 },
    );
  });

  it('ignores the parity bits and needs exactly 8 key bytes', () => {
    const block = hex('0011223344556677');
    const key = hex('0123456789ABCDEF');
    expect(run(new DesKey(key.map((byte) => byte ^ 1)), block, true)).toEqual(run(new DesKey(key), block, true));
    expect(() => new DesKey(new Uint8Array(16))).toThrow(CryptoInputError);
  });
});
