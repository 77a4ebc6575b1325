import { ARQC_CDOL1, arqcData, computeArqc, deriveIccKey } from '../../protocol/emv/arqc.ts';
import { encodeTlv, type Tlv } from '../../protocol/emv/tlv.ts';

export const issuerMasterKey = Uint8Array.from(Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex'));
export const otherIssuerKey = Uint8Array.from(Buffer.from('FEDCBA98765432100123456789ABCDEF', 'hex'));

/**
 * Field 55 as a genuine card fills it for this amount: the cryptogram (9F26) covers the CDOL1
 * data, AIP and ATC under the card key derived from `key`; 9F27 says ARQC (80) or TC (40).
 */
export function iccData(pan: string, amountMinor: number, key: Uint8Array, cid = 0x80): Uint8Array {
  const values: Record<string, string> = {
    '9F02': String(amountMinor).padStart(12, '0'),
    '9F03': '000000000000',
    '9F1A': '0156',
    '95': '0000000000',
    '5F2A': '0156',
    '9A': '261122',
    '9C': '00',
    '9F37': '1A2B3C4D',
  };
  const items: Tlv[] = ARQC_CDOL1.map(({ tag }) => ({ tag, value: Buffer.from(values[tag]!, 'hex') }));
  const aip = Uint8Array.of(0x1c, 0x00);
  const atc = Uint8Array.of(0x00, 0x07);
  const cryptogram = computeArqc(deriveIccKey(key, pan, '01'), arqcData(Buffer.concat(items.map((item) => item.value)), aip, atc));
  return encodeTlv([{ tag: '9F26', value: cryptogram }, { tag: '9F27', value: Uint8Array.of(cid) }, ...items, { tag: '82', value: aip }, { tag: '9F36', value: atc }]);
}
