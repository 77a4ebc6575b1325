import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ARQC_CDOL1, arqcData, computeArqc, deriveIccKey } from '../../protocol/emv/arqc.ts';
import { decodeTlv, findTag } from '../../protocol/emv/tlv.ts';
import { ChipSession } from './chip-card.ts';
import type { ChipCardImage } from './chip-card.ts';
import { track2Of, track3Of } from './card-image.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const IMK = hex('0123456789ABCDEFFEDCBA9876543210');
const PAN = '6222021234567890123';

const card: ChipCardImage = {
  id: 'debit-ok',
  pan: PAN,
  expiry: '3012',
  serviceCode: '201',
  holder: 'ZHANG/SAN',
  chip: { aid: 'A000000333010101', panSequence: '01', iccKey: deriveIccKey(IMK, PAN, '01'), atc: 41 },
};

const SELECT = hex('00A4040008 A000000333010101 00');
const GPO = hex('80A8000002 8300 00');
const READ = hex('00B2010C00');
const CDOL1_DATA = hex('000000012850 000000000000 0156 0000000000 0156 260513 00 11223344');
const GENERATE_AC = Uint8Array.from([0x80, 0xae, 0x80, 0x00, CDOL1_DATA.length, ...CDOL1_DATA, 0x00]);

const sw = (response: Uint8Array): string => toHex(response.subarray(-2));
const body = (response: Uint8Array) => decodeTlv(response.subarray(0, -2));

describe('emulated chip card', () => {
  it('answers the online read: SELECT, GPO, READ RECORD, GENERATE AC', () => {
    const chip = new ChipSession(card, 41);
    const fci = body(chip.transmit(SELECT));
    expect(toHex(findTag(fci, '84')!.value)).toBe('A000000333010101');
    expect(findTag(fci, '50')).toBeDefined();

    const gpo = body(chip.transmit(GPO));
    expect(toHex(findTag(gpo, '82')!.value)).toBe('1C00');
    expect(toHex(findTag(gpo, '94')!.value)).toBe('08010100');

    const record = body(chip.transmit(READ));
    expect(toHex(findTag(record, '5A')!.value)).toBe(`${PAN}F`);
    expect(toHex(findTag(record, '57')!.value)).toBe(`${track2Of(card).replace('=', 'D')}F`);
    expect(toHex(findTag(record, '5F24')!.value)).toBe('301231');
    expect(toHex(findTag(record, '5F34')!.value)).toBe('01');
    expect(toHex(findTag(record, '8C')!.value)).toBe(ARQC_CDOL1.map((entry) => entry.tag + entry.length.toString(16).padStart(2, '0')).join('').toUpperCase());

    const response = chip.transmit(GENERATE_AC);
    expect(sw(response)).toBe('9000');
    const ac = body(response);
    expect(toHex(findTag(ac, '9F27')!.value)).toBe('80');
    expect(toHex(findTag(ac, '9F36')!.value)).toBe('002A');
    const expected = computeArqc(card.chip.iccKey, arqcData(CDOL1_DATA, hex('1C00'), hex('002A')));
    expect(findTag(ac, '9F26')!.value).toEqual(expected);
    expect(findTag(ac, '9F10')!.value.length).toBeGreaterThan(0);
    expect(chip.atc).toBe(42);
  });

  it('keeps to the EMV order and status words', () => {
    const chip = new ChipSession(card, 0);
    expect(sw(chip.transmit(GPO))).toBe('6985');
    expect(sw(chip.transmit(hex('00A4040007 A0000003330102 00')))).toBe('6A82');
    expect(sw(chip.transmit(hex('00A4040007 A0000003330101 00')))).toBe('9000');
    expect(sw(chip.transmit(READ))).toBe('6985');
    expect(sw(chip.transmit(GENERATE_AC))).toBe('6985');
    chip.transmit(GPO);
    expect(sw(chip.transmit(hex('00B2020C00')))).toBe('6A83');
    expect(sw(chip.transmit(hex('80AE800003 000000 00')))).toBe('6700');
    expect(sw(chip.transmit(GENERATE_AC))).toBe('9000');
    expect(sw(chip.transmit(GENERATE_AC))).toBe('6700');
    expect(sw(chip.transmit(hex('0084000008')))).toBe('6D00');
    expect(sw(chip.transmit(hex('A0A4040000')))).toBe('6E00');
    expect(sw(chip.transmit(hex('00A4')))).toBe('6700');
  });

  it('closes with a TC on a second GENERATE AC only when the host approved and the terminal asks for one', () => {
    const secondAc = (p1: string, arc: string) => {
      const chip = new ChipSession(card, 0);
      for (const command of [hex('00A4040007 A0000003330101 00'), GPO, READ, GENERATE_AC]) chip.transmit(command);
      const answer = chip.transmit(hex(`80AE${p1}0006 ${arc} 1A2B3C4D 00`));
      return { cid: findTag(decodeTlv(answer.subarray(0, -2)), '9F27')!.value[0], sw: sw(answer), again: sw(chip.transmit(hex(`80AE${p1}0006 ${arc} 1A2B3C4D 00`))) };
    };
    expect(secondAc('40', '3030')).toEqual({ cid: 0x40, sw: '9000', again: '6985' });
    expect(secondAc('40', '3531')).toMatchObject({ cid: 0x00 });
    expect(secondAc('00', '3030')).toMatchObject({ cid: 0x00 });
  });


  it('approves offline with a TC only when asked, when it is an offline card and within its own limit', () => {
    const firstAc = (image: ChipCardImage, p1: string, amount: string) => {
      const chip = new ChipSession(image, 0);
      for (const command of [hex('00A4040007 A0000003330101 00'), GPO, READ]) chip.transmit(command);
      const data = hex(`${amount} 000000000000 0156 0000000000 0156 260513 00 11223344`);
      const answer = body(chip.transmit(Uint8Array.from([0x80, 0xae, Number.parseInt(p1, 16), 0x00, data.length, ...data, 0x00])));
      const cryptogram = findTag(answer, '9F26')!.value;
      const expected = computeArqc(image.chip.iccKey, arqcData(data, hex('1C00'), hex('0001')));
      const closed = sw(chip.transmit(hex('80AE400006 3030 1A2B3C4D 00')));
      return { cid: findTag(answer, '9F27')!.value[0], signed: toHex(cryptogram) === toHex(expected), closed };
    };
    const offlineCard: ChipCardImage = { ...card, chip: { ...card.chip, offline: true, offlineLimitMinor: 20_000 } };
    expect(firstAc(offlineCard, '40', '000000020000')).toEqual({ cid: 0x40, signed: true, closed: '6985' });
    expect(firstAc(offlineCard, '40', '000000020001')).toEqual({ cid: 0x80, signed: true, closed: '9000' });
    expect(firstAc(offlineCard, '80', '000000000100')).toMatchObject({ cid: 0x80 });
    expect(firstAc(card, '40', '000000000100')).toMatchObject({ cid: 0x80 });
    expect(firstAc({ ...card, chip: { ...card.chip, offline: true } }, '40', '000000050000')).toMatchObject({ cid: 0x40 });
  });
  it('answers every APDU, however malformed, with a status word', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 12 }), (apdus) => {
        const chip = new ChipSession(card, 0);
        for (const apdu of apdus) expect(chip.transmit(apdu).length).toBeGreaterThanOrEqual(2);
      }),
      { seed: 7816, numRuns: 200 },
    );
  });

  it('builds tracks', () => {
    expect(track2Of(card)).toBe(`${PAN}=3012201${'0'.repeat(10)}`);
    expect(track2Of(card).length).toBeLessThanOrEqual(37);
    expect(track3Of(card)).toMatch(new RegExp(`^99${PAN}=156156\\d+3012$`));
  });
});
