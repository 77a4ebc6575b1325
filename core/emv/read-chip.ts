import { PoslabError } from '../../platform/errors.ts';
import { decodeTlv, encodeTlv, findTag } from '../../protocol/emv/tlv.ts';
import type { Tlv } from '../../protocol/emv/tlv.ts';

/**
 * The terminal's side of an online EMV chip read: SELECT the first supported application,
 * GET PROCESSING OPTIONS, READ RECORD every record the AFL names, then GENERATE AC asking for
 * an ARQC with the CDOL1 filled from this transaction — or for a TC when the terminal's risk
 * management allows an offline approval (`askOffline`: at or below the floor limit); the card
 * may still insist on going online with an ARQC. The result carries what the sale message (or
 * the offline advice) needs, field 55 included. Any failure is a `ChipReadError`, so the caller
 * can fall back to the stripe; CARD_REMOVED when the card left the reader mid-read.
 */
export interface ChipTransaction {
  readonly amountMinor: number;
  readonly currency: '156';
  /** YYMMDD. */
  readonly date: string;
  /** 4 bytes from the terminal's random source. */
  readonly unpredictableNumber: Uint8Array;
  /** 9C: 00 goods and services, 03 pre-authorisation, 20 refund, 31 balance inquiry. */
  readonly transactionType: '00' | '03' | '20' | '31';
  /** Ask the card for a TC (approve offline) rather than an ARQC. */
  readonly askOffline?: boolean;
}

export type CryptogramType = 'ARQC' | 'TC';

export interface ChipCardData {
  readonly pan: string;
  readonly panSequence: string;
  /** YYMM. */
  readonly expiry: string;
  /** Track 2 equivalent data with `=` as separator. */
  readonly track2Equivalent: string;
  /** Field 55 TLV: 9F26 9F27 9F10 9F37 9F36 95 9A 9C 9F02 9F03 5F2A 82 9F1A 84. */
  readonly iccData: Uint8Array;
  /** TC: the card approved offline; ARQC: the host must decide. `hex` is 9F26. */
  readonly cryptogram: { readonly type: CryptogramType; readonly hex: string };
}

export class ChipReadError extends PoslabError {
  override readonly code: 'CHIP_READ_FAILED' | 'CARD_REMOVED';

  constructor(code: 'CHIP_READ_FAILED' | 'CARD_REMOVED', message: string, cause?: unknown) {
    super(code, message, { side: 'peer', cause });
    this.code = code;
  }
}

export type Transmit = (apdu: Uint8Array) => Promise<Uint8Array>;

/** UnionPay debit, credit, quasi-credit, in the terminal's order of preference. */
export const SUPPORTED_AIDS: readonly string[] = ['A000000333010101', 'A000000333010102', 'A000000333010103'];

const TERMINAL_COUNTRY = '0156';

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

function apdu(header: number[], data?: Uint8Array): Uint8Array {
  return data ? Uint8Array.from([...header, data.length, ...data, 0x00]) : Uint8Array.from([...header, 0x00]);
}

interface CardAnswer {
  readonly data: Uint8Array;
  readonly sw: number;
}

async function exchange(transmit: Transmit, command: Uint8Array): Promise<CardAnswer> {
  let response: Uint8Array;
  try {
    response = await transmit(command);
  } catch (error) {
    const removed = error instanceof PoslabError && error.code === 'NO_CARD';
    throw new ChipReadError(removed ? 'CARD_REMOVED' : 'CHIP_READ_FAILED', removed ? 'card removed during the chip read' : 'card reader failed during the chip read', error);
  }
  if (response.length < 2) throw new ChipReadError('CHIP_READ_FAILED', 'card answered without a status word');
  return { data: response.subarray(0, -2), sw: (response[response.length - 2]! << 8) | response[response.length - 1]! };
}

async function expectOk(transmit: Transmit, command: Uint8Array, step: string): Promise<Tlv[]> {
  const answer = await exchange(transmit, command);
  if (answer.sw !== 0x9000) throw new ChipReadError('CHIP_READ_FAILED', `${step} failed with SW ${answer.sw.toString(16).toUpperCase()}`);
  return parse(answer.data, step);
}

function parse(data: Uint8Array, step: string): Tlv[] {
  try {
    return decodeTlv(data);
  } catch (error) {
    throw new ChipReadError('CHIP_READ_FAILED', `${step} answer is not valid TLV`, error);
  }
}

function required(items: readonly Tlv[], tag: string, step: string): Uint8Array {
  const found = findTag(items, tag);
  if (!found) throw new ChipReadError('CHIP_READ_FAILED', `${step} answer lacks tag ${tag}`);
  return found.value;
}

async function selectApplication(transmit: Transmit): Promise<Uint8Array> {
  for (const aid of SUPPORTED_AIDS) {
    const answer = await exchange(transmit, apdu([0x00, 0xa4, 0x04, 0x00], hexBytes(aid)));
    if (answer.sw === 0x9000) return findTag(parse(answer.data, 'SELECT'), '84')?.value ?? hexBytes(aid);
  }
  throw new ChipReadError('CHIP_READ_FAILED', 'card holds no supported application');
}

/** GET PROCESSING OPTIONS answers in format 1 (tag 80: AIP then AFL) or format 2 (template 77). */
function processingOptions(items: readonly Tlv[]): { aip: Uint8Array; afl: Uint8Array } {
  const format1 = findTag(items, '80');
  if (format1 && format1.value.length >= 6) return { aip: format1.value.subarray(0, 2), afl: format1.value.subarray(2) };
  return { aip: required(items, '82', 'GET PROCESSING OPTIONS'), afl: required(items, '94', 'GET PROCESSING OPTIONS') };
}

/** `n` digits, right-aligned in `bytes` of packed BCD. */
function numeric(value: string, bytes: number): Uint8Array {
  return hexBytes(value.padStart(bytes * 2, '0').slice(-bytes * 2));
}

function terminalValues(tx: ChipTransaction): Map<string, Uint8Array> {
  return new Map([
    ['9F02', numeric(String(tx.amountMinor), 6)],
    ['9F03', new Uint8Array(6)],
    ['9F1A', hexBytes(TERMINAL_COUNTRY)],
    ['95', new Uint8Array(5)],
    ['5F2A', numeric(tx.currency, 2)],
    ['9A', hexBytes(tx.date)],
    ['9C', hexBytes(tx.transactionType)],
    ['9F37', tx.unpredictableNumber.slice(0, 4)],
  ]);
}

/** Walks a data object list (tag, length pairs) and fills each from what the terminal knows. */
function fillDol(dol: Uint8Array, values: Map<string, Uint8Array>): Uint8Array {
  const out: number[] = [];
  let at = 0;
  while (at < dol.length) {
    let tag = hexOf(dol.subarray(at, at + 1));
    if ((dol[at++]! & 0x1f) === 0x1f) {
      while (at < dol.length && dol[at]! & 0x80) tag += hexOf(dol.subarray(at, ++at));
      tag += hexOf(dol.subarray(at, ++at));
    }
    const length = dol[at++];
    if (length === undefined) throw new ChipReadError('CHIP_READ_FAILED', 'CDOL1 is cut short');
    const value = values.get(tag) ?? new Uint8Array(0);
    const field = new Uint8Array(length);
    field.set(value.subarray(Math.max(0, value.length - length)), Math.max(0, length - value.length));
    out.push(...field);
  }
  return Uint8Array.from(out);
}

interface Cryptogram {
  readonly cid: Uint8Array;
  readonly atc: Uint8Array;
  readonly arqc: Uint8Array;
  readonly iad: Uint8Array;
}

const CID_TC = 0x40;
const CID_ARQC = 0x80;

/** GENERATE AC answers in format 1 (tag 80: CID, ATC, AC, IAD) or format 2 (template 77). */
function cryptogram(items: readonly Tlv[], tcAsked: boolean): Cryptogram {
  const format1 = findTag(items, '80');
  const ac: Cryptogram =
    format1 && format1.value.length >= 11
      ? { cid: format1.value.subarray(0, 1), atc: format1.value.subarray(1, 3), arqc: format1.value.subarray(3, 11), iad: format1.value.subarray(11) }
      : {
          cid: required(items, '9F27', 'GENERATE AC'),
          atc: required(items, '9F36', 'GENERATE AC'),
          arqc: required(items, '9F26', 'GENERATE AC'),
          iad: findTag(items, '9F10')?.value ?? new Uint8Array(0),
        };
  const type = ac.cid.length === 1 ? ac.cid[0]! & 0xc0 : undefined;
  // A card gives no more than the terminal asked: a TC it was not asked for is a broken card.
  if (type !== CID_ARQC && !(type === CID_TC && tcAsked)) throw new ChipReadError('CHIP_READ_FAILED', 'card did not answer with an ARQC');
  return ac;
}

function digitsOf(value: Uint8Array): string {
  return hexOf(value).replace(/F+$/, '');
}

export async function readChip(transmit: Transmit, tx: ChipTransaction): Promise<ChipCardData> {
  const aid = await selectApplication(transmit);
  const gpo = processingOptions(await expectOk(transmit, apdu([0x80, 0xa8, 0x00, 0x00], hexBytes('8300')), 'GET PROCESSING OPTIONS'));
  const records: Tlv[] = [];
  for (let at = 0; at + 4 <= gpo.afl.length; at += 4) {
    const sfi = gpo.afl[at]! >> 3;
    for (let record = gpo.afl[at + 1]!; record <= gpo.afl[at + 2]!; record++) {
      records.push(...(await expectOk(transmit, apdu([0x00, 0xb2, record, (sfi << 3) | 0x04]), 'READ RECORD')));
    }
  }
  const pan = digitsOf(required(records, '5A', 'READ RECORD'));
  const expiry = hexOf(required(records, '5F24', 'READ RECORD')).slice(0, 4);
  const track2Equivalent = digitsOf(required(records, '57', 'READ RECORD')).replace('D', '=');
  const panSequence = hexOf(findTag(records, '5F34')?.value ?? Uint8Array.of(0));
  const values = terminalValues(tx);
  const cdol1Data = fillDol(required(records, '8C', 'READ RECORD'), values);
  const askOffline = tx.askOffline === true;
  const ac = cryptogram(await expectOk(transmit, apdu([0x80, 0xae, askOffline ? CID_TC : CID_ARQC, 0x00], cdol1Data), 'GENERATE AC'), askOffline);
  const field55: Tlv[] = [
    { tag: '9F26', value: ac.arqc },
    { tag: '9F27', value: ac.cid },
    ...(ac.iad.length > 0 ? [{ tag: '9F10', value: ac.iad }] : []),
    { tag: '9F37', value: values.get('9F37')! },
    { tag: '9F36', value: ac.atc },
    ...['95', '9A', '9C', '9F02', '9F03', '5F2A'].map((tag) => ({ tag, value: values.get(tag)! })),
    { tag: '82', value: gpo.aip },
    { tag: '9F1A', value: values.get('9F1A')! },
    { tag: '84', value: aid },
  ];
  const type: CryptogramType = (ac.cid[0]! & 0xc0) === CID_TC ? 'TC' : 'ARQC';
  return { pan, panSequence, expiry, track2Equivalent, iccData: encodeTlv(field55), cryptogram: { type, hex: hexOf(ac.arqc) } };
}

/**
 * After the host's answer, the second GENERATE AC with CDOL2 (8A, the host's response code;
 * 9F37): a TC means the card agrees the transaction is done; an AAC means it does not. A card
 * that is no longer in the slot throws CARD_REMOVED — the terminal must then reverse an approval.
 */
export async function completeChip(
  transmit: Transmit,
  answer: { readonly responseCode: string; readonly unpredictableNumber: Uint8Array },
): Promise<'accepted' | 'refused'> {
  const approved = answer.responseCode === '00';
  const cdol2 = Uint8Array.from([...Buffer.from(answer.responseCode.padEnd(2, ' ').slice(0, 2), 'latin1'), ...answer.unpredictableNumber]);
  const items = await expectOk(transmit, apdu([0x80, 0xae, approved ? 0x40 : 0x00, 0x00], cdol2), 'second GENERATE AC');
  const cid = findTag(items, '9F27')?.value[0] ?? findTag(items, '80')?.value[0];
  return cid !== undefined && (cid & 0xc0) === 0x40 ? 'accepted' : 'refused';
}
