import type { Random } from '../platform/random.ts';
import { keyCheckValue } from '../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../protocol/crypto/pin-block.ts';
import { retailMac } from '../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../protocol/crypto/tdes.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../protocol/iso8583/codec.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage, MessageHeader } from '../protocol/iso8583/types.ts';

/**
 * Frames for fuzzing the host (host-fuzz.test.ts): a shop's identities, valid seed frames of
 * every message shape, the mutations applied to them, and what the host may answer to each.
 * Built with the protocol's packer and crypto, never the host's own helpers.
 */
export const header: MessageHeader = { tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01), appHeader: Uint8Array.of(0x60, 0x22, 0, 0, 0, 0) };
export const MERCHANT = '898310048160001';
export const HONEST = { terminalId: 'T0000001', masterKey: Uint8Array.from(Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex')) };
// Many bits away from the honest terminal's id, so no mutation can sign the honest terminal in again.
export const FUZZER = { terminalId: 'F9999998', masterKey: Uint8Array.from(Buffer.from('1F2E3D4C5B6A79880011223344556677', 'hex')) };
export const HONEST_CARD = { pan: '6222021234567890123', expiry: '3012', pin: '123456' };
export const FUZZ_CARD = { pan: '6250941234567890444', expiry: '3012', pin: '4321' };

export interface Keys {
  readonly pinKey: Uint8Array;
  readonly macKey: Uint8Array;
}

export function signInFrame(terminalId: string, stan: string): Uint8Array {
  return packMessage(cupPos, { mti: '0800', fields: { 11: stan, 41: terminalId, 42: MERCHANT, 60: '00000001003', 63: '001' } }, header);
}

export function keysFrom(answer: Uint8Array | undefined, masterKey: Uint8Array): Keys {
  const field62 = answer && unpackMessage(cupPos, answer).message.fields[62];
  if (!(field62 instanceof Uint8Array)) throw new Error('sign-in refused');
  const pinKey = tdesDecryptEcb(masterKey, field62.subarray(0, 16));
  const macKey = tdesDecryptEcb(masterKey, field62.subarray(20, 36));
  if (Buffer.compare(keyCheckValue(macKey, 4), field62.subarray(36, 40)) !== 0) throw new Error('MAC key check value differs');
  return { pinKey, macKey };
}

export function signed(message: IsoMessage, keys: Keys): Uint8Array {
  const unsigned = packMessage(cupPos, { mti: message.mti, fields: { ...message.fields, 64: new Uint8Array(8) } }, header);
  return withMac(unsigned, retailMac(keys.macKey, macRegion(cupPos, unsigned)));
}

export function saleFields(terminalId: string, stan: string, card: typeof HONEST_CARD, keys: Keys, amountMinor: number): IsoMessage {
  return {
    mti: '0200',
    fields: {
      2: card.pan,
      3: '000000',
      4: String(amountMinor).padStart(12, '0'),
      11: stan,
      14: card.expiry,
      22: '051',
      23: '001',
      25: '00',
      26: '12',
      41: terminalId,
      42: MERCHANT,
      49: '156',
      52: encryptPinBlockFormat0(card.pin, card.pan, keys.pinKey),
      53: '2600000000000000',
      55: Uint8Array.from(Buffer.from('9F2608A1B2C3D4E5F6070895050080048000', 'hex')),
      59: 'region=310000;cell=4021',
      60: '22000001000',
    },
  };
}

/** Valid frames of every shape the host meets, from the fuzzer's own terminal: the seeds of mutation. */
export function seedFrames(keys: Keys): Uint8Array[] {
  const sale = saleFields(FUZZER.terminalId, '000100', FUZZ_CARD, keys, 1_000);
  const base = { 11: '000101', 41: FUZZER.terminalId, 42: MERCHANT };
  return [
    signInFrame(FUZZER.terminalId, '000099'),
    signed(sale, keys),
    signed({ mti: '0400', fields: { ...sale.fields, 39: '98', 52: undefined, 26: undefined, 53: undefined } }, keys),
    signed({ mti: '0500', fields: { ...base, 48: '001000000001000000000000000000', 49: '156', 60: '00000001201', 63: '001' } }, keys),
    packMessage(cupPos, { mti: '0820', fields: { ...base, 60: '00000001301' } }, header),
    signed({ mti: '0200', fields: { ...sale.fields, 3: '310000', 4: undefined, 60: '01000001000' } }, keys),
  ];
}

type Mutation = (frame: Uint8Array, random: Random) => Uint8Array;

const requestMtis = ['0100', '0101', '0200', '0201', '0220', '0221', '0320', '0400', '0401', '0500', '0800', '0820'];
const ALPHANUMERIC = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const alphabets = { n: '0123456789', z: '0123456789', an: ALPHANUMERIC, ans: `${ALPHANUMERIC}!#%&()*+,-./:;<=>?@_` } as const;

/** A value the field's spec accepts, so the frame packs, carries a good MAC and reaches the handlers. */
function randomValue(id: number, random: Random): string | Uint8Array | undefined {
  const spec = cupPos.fields.get(id);
  if (!spec) return undefined;
  const length = spec.length === 'fixed' ? spec.max : random.int(0, Math.min(spec.max, 40));
  if (spec.format === 'b') return random.bytes(length);
  const alphabet = alphabets[spec.format];
  let value = '';
  for (let i = 0; i < length; i++) value += alphabet[random.int(0, alphabet.length - 1)];
  // A track's separator, somewhere, as a swipe would have it.
  return spec.format === 'z' && length > 2 ? `${value.slice(0, length - 1)}=`.slice(0, length) : value;
}

/** Well-formed, correctly signed nonsense: 1–4 fields changed, dropped or added, perhaps another MTI. */
export function signedNonsense(base: IsoMessage, keys: Keys, random: Random): Uint8Array {
  const fields = { ...base.fields };
  const ids = [...cupPos.fields.keys()].filter((id) => id !== 1 && id !== 64);
  for (let n = random.int(1, 4); n > 0; n--) {
    const id = ids[random.int(0, ids.length - 1)]!;
    fields[id] = random.int(0, 3) === 0 ? undefined : randomValue(id, random);
  }
  const mti = random.int(0, 2) === 0 ? requestMtis[random.int(0, requestMtis.length - 1)]! : base.mti;
  return signed({ mti, fields }, keys);
}

const BITMAP_AT = header.tpdu.length + header.appHeader.length + 2;

export const mutations: ReadonlyArray<readonly [string, Mutation]> = [
  ['bit flips', (frame, random) => {
    const out = frame.slice();
    for (let n = random.int(1, 3); n > 0; n--) {
      const at = random.int(0, out.length - 1);
      out[at] = (out[at] as number) ^ (1 << random.int(0, 7));
    }
    return out;
  }],
  ['truncation', (frame, random) => frame.slice(0, random.int(0, frame.length - 1))],
  ['extension', (frame, random) => concat(frame, random.bytes(random.int(1, 40)))],
  ['bad bitmap', (frame, random) => {
    const out = frame.slice();
    out.set(random.bytes(random.int(1, 8)), BITMAP_AT + random.int(0, 3));
    return out.slice(0, frame.length);
  }],
  ['non-numeric BCD', (frame, random) => {
    const out = frame.slice();
    const at = random.int(BITMAP_AT - 2, Math.min(out.length - 1, BITMAP_AT + 40));
    out[at] = random.int(0, 1) === 0 ? 0xa0 | ((out[at] as number) & 0x0f) : ((out[at] as number) & 0xf0) | random.int(0xa, 0xf);
    return out;
  }],
  ['oversized LLLVAR', (frame, random) => {
    // Field 59 carries ASCII "region="; its 2-byte BCD length sits just before it.
    const at = indexOf(frame, Buffer.from('region='));
    const out = frame.slice();
    if (at < 2) {
      out[out.length - 1] = 0x99;
      return out;
    }
    out[at - 2] = random.int(0, 1) === 0 ? 0x09 : random.int(0x01, 0x99);
    out[at - 1] = 0x99;
    return out;
  }],
  ['junk', (_frame, random) => random.bytes(random.int(0, 300))],
  ['empty fields', (frame) => frame.slice(0, BITMAP_AT + 8)],
];

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).indexOf(needle);
}

export function unpacks(frame: Uint8Array): IsoMessage | undefined {
  try {
    return unpackMessage(cupPos, frame).message;
  } catch {
    return undefined;
  }
}

const isRequestMti = (mti: string) => ['0', '2', '4'].includes(mti[2] ?? '');

/** What the host may do with one frame: 30 or silence if it does not unpack; one well-formed answer with a code if it does. */
export function judge(frame: Uint8Array, answers: Uint8Array[]): { outcome: string; problems: string[]; answer: IsoMessage | undefined } {
  const problems: string[] = [];
  const request = unpacks(frame);
  const answer = answers[0] && unpacks(answers[0]);
  if (answers.length > 1) problems.push(`${answers.length} answers`);
  if (answers[0] && !answer) problems.push('answer does not unpack');
  if (!request && answer && answer.fields[39] !== '30') problems.push(`malformed frame answered ${String(answer.fields[39])}`);
  if (request && !isRequestMti(request.mti) && answers.length > 0) problems.push('answered an answer MTI');
  if (answer && answer.fields[39] === undefined) problems.push('answer without field 39');
  const outcome = answer ? `answered ${String(answer.fields[39])}` : answers.length > 0 ? 'garbled' : 'silence';
  return { outcome, problems, answer };
}
