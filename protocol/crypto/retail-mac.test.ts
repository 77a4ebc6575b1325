import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CryptoInputError } from './errors.ts';
import { RetailMacKey, retailMac } from './retail-mac.ts';
import { tdesDecryptEcb, tdesEncryptCbc, tdesEncryptEcb } from './tdes.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

const isoKey = hex('0123456789ABCDEFFEDCBA9876543210');

/** ISO/IEC 9797-1 algorithm 3 step by step, as the standard states it, to check the fast form against. */
function definition(key: Uint8Array, data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.max(8, Math.ceil(data.length / 8) * 8));
  padded.set(data);
  const chained = tdesEncryptCbc(key.subarray(0, 8), padded);
  const last = chained.subarray(chained.length - 8);
  return tdesEncryptEcb(key.subarray(0, 8), tdesDecryptEcb(key.subarray(8), last));
}

describe('retail MAC, ISO/IEC 9797-1 algorithm 3, padding method 1', () => {
  // ISO/IEC 9797-1:2011 annex B.4, as quoted in RustCrypto/MACs retail-mac/README.md.
  it('matches ISO/IEC 9797-1 B.4 on whole blocks ("Now is the time for all ")', () => {
    expect(toHex(retailMac(isoKey, ascii('Now is the time for all ')))).toBe('A1C72E74EA3FA9B6');
  });

  it('matches ISO/IEC 9797-1 B.4 with zero padding ("Now is the time for it")', () => {
    expect(toHex(retailMac(isoKey, ascii('Now is the time for it')))).toBe('2E2B1428CC78254F');
  });

  // Bouncy Castle's ISO9797Alg3MacTest (org.bouncycastle.crypto.test).
  it('matches the Bouncy Castle ISO9797Alg3Mac vector', () => {
    expect(toHex(retailMac(hex('7CA110454A1A6E570131D9619DC1376E'), ascii('Hello World !!!!')))).toBe('F09B856213BAB83B');
  });

  it('pads with zeros only up to the block, and not at all on a whole block', () => {
    const data = ascii('Now is the time for it');
    expect(retailMac(isoKey, data)).toEqual(retailMac(isoKey, Uint8Array.from([...data, 0, 0])));
    const whole = ascii('12345678');
    expect(retailMac(isoKey, whole)).not.toEqual(retailMac(isoKey, Uint8Array.from([...whole, ...new Uint8Array(8)])));
  });

  it('treats empty data as one zero block', () => {
    expect(retailMac(isoKey, new Uint8Array())).toEqual(retailMac(isoKey, new Uint8Array(8)));
  });

  it('needs a double-length key', () => {
    expect(() => retailMac(new Uint8Array(8), ascii('x'))).toThrow(CryptoInputError);
  });

  it('gives each published vector again from one kept key used for message after message', () => {
    const kept = new RetailMacKey(isoKey);
    for (let round = 0; round < 3; round++) {
      expect(toHex(kept.mac(ascii('Now is the time for all ')))).toBe('A1C72E74EA3FA9B6');
      expect(toHex(kept.mac(ascii('Now is the time for it')))).toBe('2E2B1428CC78254F');
      expect(toHex(kept.mac(new Uint8Array()))).toBe(toHex(retailMac(isoKey, new Uint8Array(8))));
    }
  });

  it('matches the step-by-step definition for any key and any sequence of messages, longer and shorter, one-shot and through one kept key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 8 }), (key, messages) => {
        const kept = new RetailMacKey(key);
        for (const data of messages) {
          const expected = definition(key, data);
          expect(kept.mac(data)).toEqual(expected);
          expect(retailMac(key, data)).toEqual(expected);
        }
      }),
      { seed: 9797, numRuns: 300 },
    );
  });

  it('keeps its own key: zeroing the caller\'s bytes changes nothing', () => {
    const key = isoKey.slice();
    const kept = new RetailMacKey(key);
    key.fill(0);
    expect(toHex(kept.mac(ascii('Now is the time for all ')))).toBe('A1C72E74EA3FA9B6');
    expect(() => new RetailMacKey(new Uint8Array(24))).toThrow(CryptoInputError);
  });
});
