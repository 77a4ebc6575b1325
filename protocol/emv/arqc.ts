import { timingSafeEqual } from 'node:crypto';
import { retailMac } from '../crypto/retail-mac.ts';
import { tdesEncryptEcb } from '../crypto/tdes.ts';
import { decodeTlv, findTag } from './tlv.ts';

/**
 * The authorisation request cryptogram (ARQC) as poslab's cards make it and its host checks it.
 *
 * Key: each card holds an ICC master key derived from the issuer master key by EMV Book 2
 * annex A1.4.1 option A. No session key is derived from the ATC (a real card would do that,
 * e.g. EMV common session key derivation); the ATC is still MACed, so each ARQC differs.
 *
 * Data: the CDOL1 values the terminal sent in GENERATE AC (`ARQC_CDOL1`, in that order), then
 * the AIP (82) and the ATC (9F36). Cryptogram: ISO/IEC 9797-1 MAC algorithm 3 (retail MAC)
 * under the ICC key over the data padded by ISO/IEC 9797-1 method 2 (0x80, then zeros to a
 * whole block), all 8 bytes.
 */
export interface DolEntry {
  readonly tag: string;
  readonly length: number;
}

/** The CDOL1 every poslab card carries in tag 8C: the fields the cryptogram covers. */
export const ARQC_CDOL1: readonly DolEntry[] = [
  { tag: '9F02', length: 6 }, // amount authorised
  { tag: '9F03', length: 6 }, // amount other
  { tag: '9F1A', length: 2 }, // terminal country code
  { tag: '95', length: 5 }, // terminal verification results
  { tag: '5F2A', length: 2 }, // transaction currency code
  { tag: '9A', length: 3 }, // transaction date
  { tag: '9C', length: 1 }, // transaction type
  { tag: '9F37', length: 4 }, // unpredictable number
];

function digitsToBytes(digits: string): Uint8Array {
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}

/** DES keys carry odd parity in the low bit of each byte; HSMs reject derived keys without it. */
function withOddParity(key: Uint8Array): Uint8Array {
  return key.map((byte) => {
    let ones = 0;
    for (let bit = 1; bit < 0x100; bit <<= 1) if (byte & bit & 0xfe) ones++;
    return (byte & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  });
}

/** EMV option A: Y = rightmost 16 digits of PAN‖PSN; key = TDES(IMK, Y) ‖ TDES(IMK, Y xor FF…). */
export function deriveIccKey(issuerMasterKey: Uint8Array, pan: string, panSequence: string): Uint8Array {
  const digits = `${pan}${panSequence}`;
  if (!/^\d+$/.test(digits)) throw new RangeError('PAN and PAN sequence must be digits');
  const y = digitsToBytes(digits.slice(-16).padStart(16, '0'));
  const left = tdesEncryptEcb(issuerMasterKey, y);
  const right = tdesEncryptEcb(issuerMasterKey, y.map((byte) => byte ^ 0xff));
  const key = new Uint8Array(16);
  key.set(left, 0);
  key.set(right, 8);
  return withOddParity(key);
}

/** CDOL1 data ‖ AIP ‖ ATC: what the cryptogram covers. */
export function arqcData(cdol1Data: Uint8Array, aip: Uint8Array, atc: Uint8Array): Uint8Array {
  const data = new Uint8Array(cdol1Data.length + aip.length + atc.length);
  data.set(cdol1Data, 0);
  data.set(aip, cdol1Data.length);
  data.set(atc, cdol1Data.length + aip.length);
  return data;
}

export function computeArqc(iccKey: Uint8Array, data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.floor(data.length / 8) * 8 + 8);
  padded.set(data);
  padded[data.length] = 0x80;
  return retailMac(iccKey, padded);
}

export interface ArqcCheck {
  readonly issuerMasterKey: Uint8Array;
  readonly pan: string;
  readonly panSequence: string;
  /** Field 55 as the terminal sent it: must hold the `ARQC_CDOL1` tags, 82, 9F36 and 9F26. */
  readonly iccData: Uint8Array;
}

/**
 * Rebuilds the cryptogram input from field 55 and checks 9F26. An absent 9F03 counts as zero,
 * as a terminal leaves it out when there is no cashback; any other missing tag fails the check.
 */
export function verifyArqc(check: ArqcCheck): boolean {
  let items;
  try {
    items = decodeTlv(check.iccData);
  } catch {
    return false;
  }
  const parts: Uint8Array[] = [];
  for (const entry of ARQC_CDOL1) {
    const value = findTag(items, entry.tag)?.value ?? (entry.tag === '9F03' ? new Uint8Array(entry.length) : undefined);
    if (value?.length !== entry.length) return false;
    parts.push(value);
  }
  const aip = findTag(items, '82')?.value;
  const atc = findTag(items, '9F36')?.value;
  const arqc = findTag(items, '9F26')?.value;
  if (aip?.length !== 2 || atc?.length !== 2 || arqc?.length !== 8) return false;
  const cdol1Data = Uint8Array.from(parts.flatMap((part) => [...part]));
  const iccKey = deriveIccKey(check.issuerMasterKey, check.pan, check.panSequence);
  return timingSafeEqual(computeArqc(iccKey, arqcData(cdol1Data, aip, atc)), arqc);
}
