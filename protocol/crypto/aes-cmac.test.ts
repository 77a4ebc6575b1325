import { describe, it, expect } from 'vitest';
import { aesCmac } from './aes-cmac.ts';
import { CryptoInputError } from './errors.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// RFC 4493 section 4 (also NIST SP 800-38B D.1, AES-128): key and message, examples 1–4.
const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
const message = hex(
  '6bc1bee22e409f96e93d7e117393172a' +
    'ae2d8a571e03ac9c9eb76fac45af8e51' +
    '30c81c46a35ce411e5fbc1191a0a52ef' +
    'f69f2445df4f9b17ad2b417be66c3710',
);

describe('AES-CMAC (RFC 4493 test vectors)', () => {
  const examples: Array<[number, string]> = [
    [0, 'bb1d6929e95937287fa37d129b756746'],
    [16, '070a16b46b4d4144f79bdd9dd04a287c'],
    [40, 'dfa66747de9ae63030ca32611497c827'],
    [64, '51f0bebf7e3b9d92fc49741779363cfe'],
  ];
  for (const [length, tag] of examples) {
    it(`example with ${length}-byte message`, () => {
      expect(toHex(aesCmac(key, message.subarray(0, length)))).toBe(tag);
    });
  }

  it('takes 192- and 256-bit keys and rejects other sizes', () => {
    expect(aesCmac(new Uint8Array(24), message)).toHaveLength(16);
    expect(aesCmac(new Uint8Array(32), message)).toHaveLength(16);
    expect(() => aesCmac(new Uint8Array(20), message)).toThrow(CryptoInputError);
  });
});
