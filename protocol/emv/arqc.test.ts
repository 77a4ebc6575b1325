import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { keyCheckValue } from '../crypto/kcv.ts';
import { ARQC_CDOL1, arqcData, computeArqc, deriveIccKey, verifyArqc } from './arqc.ts';
import { encodeTlv } from './tlv.ts';
import type { Tlv } from './tlv.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const IMK = hex('0123456789ABCDEFFEDCBA9876543210');

/** Single DES as the textbook writes it, for an independent retail MAC in the test. */
function des(key: Uint8Array, block: Uint8Array): Uint8Array {
  const cipher = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null).setAutoPadding(false);
  return Uint8Array.from(cipher.update(block));
}

function desDecrypt(key: Uint8Array, block: Uint8Array): Uint8Array {
  const decipher = createDecipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null).setAutoPadding(false);
  return Uint8Array.from(decipher.update(block));
}

describe('ARQC', () => {
  it('derives the ICC master key by option A (published check value 0239)', () => {
    expect(toHex(keyCheckValue(IMK, 2))).toBe('08D7');
    const iccKey = deriveIccKey(IMK, '1234567890123456', '01');
    expect(toHex(keyCheckValue(iccKey, 2))).toBe('0239');
  });

  it('gives the derived key odd parity and uses only the rightmost 16 digits', () => {
    const key = deriveIccKey(IMK, '6222021234567890123', '01');
    for (const byte of key) expect(byte.toString(2).split('1').length % 2).toBe(0);
    expect(deriveIccKey(IMK, '9996222021234567890123', '01')).toEqual(key);
  });

  it('is a retail MAC over the data padded by ISO 9797-1 method 2', () => {
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    const data = hex('0000000128500000000000000156000000000000015626051300AABBCCDD1C000001');
    const padded = new Uint8Array(40);
    padded.set(data);
    padded[data.length] = 0x80;
    let chain: Uint8Array = new Uint8Array(8);
    for (let at = 0; at < padded.length; at += 8) {
      chain = des(key.subarray(0, 8), chain.map((byte, i) => byte ^ padded[at + i]!));
    }
    const expected = des(key.subarray(0, 8), desDecrypt(key.subarray(8), chain));
    expect(computeArqc(key, data)).toEqual(expected);
    expect(computeArqc(key, new Uint8Array(8))).not.toEqual(computeArqc(key, new Uint8Array(7)));
  });

  it('verifies a cryptogram rebuilt from field 55, and fails when any covered field changes', () => {
    const cdolLength = ARQC_CDOL1.reduce((sum, entry) => sum + entry.length, 0);
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: cdolLength, maxLength: cdolLength }),
        fc.integer({ min: 1, max: 0xffff }),
        fc.nat({ max: cdolLength + 3 }),
        (cdol1Data, atcNumber, flipAt) => {
          const pan = '6222021234567890123';
          const aip = hex('1C00');
          const atc = Uint8Array.of(atcNumber >> 8, atcNumber & 0xff);
          const arqc = computeArqc(deriveIccKey(IMK, pan, '01'), arqcData(cdol1Data, aip, atc));
          const items: Tlv[] = [];
          let at = 0;
          for (const entry of ARQC_CDOL1) {
            items.push({ tag: entry.tag, value: cdol1Data.slice(at, at + entry.length) });
            at += entry.length;
          }
          items.push({ tag: '82', value: aip }, { tag: '9F36', value: atc }, { tag: '9F26', value: arqc });
          const check = { issuerMasterKey: IMK, pan, panSequence: '01' };
          expect(verifyArqc({ ...check, iccData: encodeTlv(items) })).toBe(true);
          expect(verifyArqc({ ...check, panSequence: '02', iccData: encodeTlv(items) })).toBe(false);

          const tampered = items.map((item) => ({ ...item, value: item.value.slice() }));
          let offset = flipAt;
          for (const item of tampered) {
            if (offset < item.value.length) {
              item.value[offset]! ^= 0x01;
              break;
            }
            offset -= item.value.length;
          }
          expect(verifyArqc({ ...check, iccData: encodeTlv(tampered) })).toBe(false);
        },
      ),
      { seed: 2026, numRuns: 50 },
    );
  });

  it('treats a missing 9F03 as zero and rejects broken field 55', () => {
    const pan = '6222021234567890123';
    const cdol1Data = new Uint8Array(29).fill(0x11);
    cdol1Data.fill(0, 6, 12);
    const aip = hex('1C00');
    const atc = hex('0007');
    const arqc = computeArqc(deriveIccKey(IMK, pan, '00'), arqcData(cdol1Data, aip, atc));
    const items: Tlv[] = [];
    let at = 0;
    for (const entry of ARQC_CDOL1) {
      if (entry.tag !== '9F03') items.push({ tag: entry.tag, value: cdol1Data.slice(at, at + entry.length) });
      at += entry.length;
    }
    items.push({ tag: '82', value: aip }, { tag: '9F36', value: atc }, { tag: '9F26', value: arqc });
    const check = { issuerMasterKey: IMK, pan, panSequence: '00' };
    expect(verifyArqc({ ...check, iccData: encodeTlv(items) })).toBe(true);
    expect(verifyArqc({ ...check, iccData: encodeTlv(items.filter((item) => item.tag !== '9A')) })).toBe(false);
    expect(verifyArqc({ ...check, iccData: hex('9F2608') })).toBe(false);
  });
});
