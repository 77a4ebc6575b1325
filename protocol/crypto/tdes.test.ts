import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CryptoInputError } from './errors.ts';
import { TdesKey, tdesDecryptEcb, tdesEncryptCbc, tdesEncryptEcb } from './tdes.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('TDES', () => {
  it('runs an 8-byte key as single DES (FIPS 81 example: "Now is t" under 0123456789ABCDEF)', () => {
    expect(toHex(tdesEncryptEcb(hex('0123456789ABCDEF'), hex('4E6F772069732074')))).toBe('3FA40E8A984D4815');
  });

  it('runs a 16-byte key as K1 K2 K1', () => {
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    const expanded = hex('0123456789ABCDEFFEDCBA98765432100123456789ABCDEF');
    const data = hex('00112233445566778899AABBCCDDEEFF');
    expect(toHex(tdesEncryptEcb(key, data))).toBe(toHex(tdesEncryptEcb(expanded, data)));
  });

  it('decrypts what it encrypts, for every key length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 24).chain((size) => fc.uint8Array({ minLength: size, maxLength: size })),
        fc.integer({ min: 0, max: 8 }).chain((blocks) => fc.uint8Array({ minLength: blocks * 8, maxLength: blocks * 8 })),
        (key, data) => {
          expect(tdesDecryptEcb(key, tdesEncryptEcb(key, data))).toEqual(data);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('chains CBC blocks through the previous ciphertext, from a zero IV by default', () => {
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    const data = hex('4E6F77206973207468652074696D6520');
    const cbc = tdesEncryptCbc(key, data);
    const first = tdesEncryptEcb(key, data.subarray(0, 8));
    const second = tdesEncryptEcb(key, data.subarray(8).map((byte, i) => byte ^ (first[i] as number)));
    expect(toHex(cbc)).toBe(toHex(first) + toHex(second));
    const iv = hex('1111111111111111');
    const withIv = tdesEncryptCbc(key, data.subarray(0, 8), iv);
    expect(toHex(withIv)).toBe(toHex(tdesEncryptEcb(key, data.subarray(0, 8).map((byte) => byte ^ 0x11))));
  });

  it('rejects keys of other sizes and data that is not whole blocks', () => {
    expect(() => tdesEncryptEcb(new Uint8Array(15), new Uint8Array(8))).toThrow(CryptoInputError);
    expect(() => tdesEncryptEcb(new Uint8Array(16), new Uint8Array(7))).toThrow(CryptoInputError);
    expect(() => tdesEncryptCbc(new Uint8Array(16), new Uint8Array(8), new Uint8Array(4))).toThrow(CryptoInputError);
  });

  it('gives the same blocks from a kept TdesKey, call after call, as from the one-shot functions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 24).chain((size) => fc.uint8Array({ minLength: size, maxLength: size })),
        fc.array(fc.integer({ min: 0, max: 4 }).chain((blocks) => fc.uint8Array({ minLength: blocks * 8, maxLength: blocks * 8 })), {
          maxLength: 6,
        }),
        (key, messages) => {
          const kept = new TdesKey(key);
          for (const data of messages) {
            expect(kept.encryptEcb(data)).toEqual(tdesEncryptEcb(key, data));
            expect(kept.decryptEcb(data)).toEqual(tdesDecryptEcb(key, data));
          }
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });

  it('keeps its own copy of the key and checks sizes like the functions', () => {
    const key = hex('0123456789ABCDEF');
    const kept = new TdesKey(key);
    key.fill(0);
    expect(toHex(kept.encryptEcb(hex('4E6F772069732074')))).toBe('3FA40E8A984D4815');
    expect(() => new TdesKey(new Uint8Array(15))).toThrow(CryptoInputError);
    expect(() => kept.decryptEcb(new Uint8Array(7))).toThrow(CryptoInputError);
  });
});
