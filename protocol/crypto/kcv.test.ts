import { describe, it, expect } from 'vitest';
import { CryptoInputError } from './errors.ts';
import { aesKeyCheckValue, keyCheckValue } from './kcv.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('key check values', () => {
  it('gives the well-known TDES check value 08D7B4 for 0123456789ABCDEFFEDCBA9876543210', () => {
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    expect(toHex(keyCheckValue(key, 3))).toBe('08D7B4');
    expect(toHex(keyCheckValue(key)).slice(0, 6)).toBe('08D7B4');
    expect(keyCheckValue(key)).toHaveLength(4);
  });

  // TR-31:2018 A.7.2.2 and A.7.4 wrap the same 16 key bytes once as TDES and once as AES;
  // their check values, as quoted in openemv/tr31 test/tr31_decrypt_test.c, differ.
  const shared = hex('3F419E1CB7079442AA37474C2EFBF8B8');

  it('treats 16 bytes as TDES unless asked for the AES check value (TR-31:2018 A.7.2.2)', () => {
    expect(toHex(keyCheckValue(shared, 3))).toBe('57C409');
  });

  it('computes the AES check value as CMAC of a zero block, 5 bytes (TR-31:2018 A.7.4)', () => {
    const kcv = aesKeyCheckValue(shared);
    expect(kcv).toHaveLength(5);
    expect(toHex(kcv).slice(0, 6)).toBe('08793E');
  });

  // AES-256 key from a payShield 10k example in openemv/tr31 test/tr31_decrypt_test.c (KCV 0A00E3).
  it('handles AES-256 keys', () => {
    const key = hex('BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC');
    expect(toHex(aesKeyCheckValue(key)).slice(0, 6)).toBe('0A00E3');
  });

  it('rejects check value lengths outside 1 to 8', () => {
    expect(() => keyCheckValue(new Uint8Array(16), 0)).toThrow(CryptoInputError);
    expect(() => keyCheckValue(new Uint8Array(16), 9)).toThrow(CryptoInputError);
  });
});
