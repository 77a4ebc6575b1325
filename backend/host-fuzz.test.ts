import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLinkPair } from '../platform/byte-link.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import { VirtualClock, WallClock } from '../platform/clock.ts';
import { seededRandom } from '../platform/random.ts';
import type { Random } from '../platform/random.ts';
import { keyCheckValue } from '../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../protocol/crypto/pin-block.ts';
import { retailMac } from '../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../protocol/crypto/tdes.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../protocol/iso8583/codec.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage, MessageHeader } from '../protocol/iso8583/types.ts';
import { createAcquirerHost } from './host.ts';
import type { AcquirerHost } from './host.ts';
import { serveTcp } from './tcp-server.ts';

/**
 * Fuzzing the live host: mutated frames (bit flips, truncations, length lies, bad bitmaps,
 * non-numeric BCD, oversized LLLVAR, junk) go down one link while an honest terminal on another
 * link keeps transacting. The host must never throw, must answer what does not unpack with 30
 * or not at all, and must keep serving the honest terminal. Seeded: a failure names its frame.
 */
const header: MessageHeader = { tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01), appHeader: Uint8Array.of(0x60, 0x22, 0, 0, 0, 0) };
const MERCHANT = '898310048160001';
const HONEST = { terminalId: 'T0000001', masterKey: Uint8Array.from(Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex')) };
// Many bits away from the honest terminal's id, so no mutation can sign the honest terminal in again.
const FUZZER = { terminalId: 'F9999998', masterKey: Uint8Array.from(Buffer.from('1F2E3D4C5B6A79880011223344556677', 'hex')) };
const HONEST_CARD = { pan: '6222021234567890123', expiry: '3012', pin: '123456' };
const FUZZ_CARD = { pan: '6250941234567890444', expiry: '3012', pin: '4321' };
const FRAMES = 100_000;
const HONEST_EVERY = 1_000;

interface Keys {
  readonly pinKey: Uint8Array;
  readonly macKey: Uint8Array;
}

/** The shop, with every `error` event the host raises (a handler that threw) collected. */
function shop(clock: VirtualClock | WallClock, failures: string[]): AcquirerHost {
  const host = createAcquirerHost({
    clock,
    random: seededRandom(8583),
    events: (source, kind, detail) => {
      if (kind === 'error') failures.push(`${source} error ${JSON.stringify(detail)}`);
    },
  });
  host.provision.merchant({ id: MERCHANT, name: 'Fuzz Shop', mcc: '5812', region: '310000' });
  host.provision.terminal({ ...HONEST, merchantId: MERCHANT });
  host.provision.terminal({ ...FUZZER, merchantId: MERCHANT });
  host.provision.card({ ...HONEST_CARD, balanceMinor: 100_000_000 });
  host.provision.card({ ...FUZZ_CARD, balanceMinor: 100_000_000, product: 'credit' });
  return host;
}

function signInFrame(terminalId: string, stan: string): Uint8Array {
  return packMessage(cupPos, { mti: '0800', fields: { 11: stan, 41: terminalId, 42: MERCHANT, 60: '00000001003', 63: '001' } }, header);
}

function keysFrom(answer: Uint8Array | undefined, masterKey: Uint8Array): Keys {
  const field62 = answer && unpackMessage(cupPos, answer).message.fields[62];
  if (!(field62 instanceof Uint8Array)) throw new Error('sign-in refused');
  const pinKey = tdesDecryptEcb(masterKey, field62.subarray(0, 16));
  const macKey = tdesDecryptEcb(masterKey, field62.subarray(20, 36));
  expect(keyCheckValue(macKey, 4)).toEqual(field62.subarray(36, 40));
  return { pinKey, macKey };
}

function signed(message: IsoMessage, keys: Keys): Uint8Array {
  const unsigned = packMessage(cupPos, { mti: message.mti, fields: { ...message.fields, 64: new Uint8Array(8) } }, header);
  return withMac(unsigned, retailMac(keys.macKey, macRegion(cupPos, unsigned)));
}

function saleFields(terminalId: string, stan: string, card: typeof HONEST_CARD, keys: Keys, amountMinor: number): IsoMessage {
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
function seedFrames(keys: Keys): Uint8Array[] {
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
function signedNonsense(base: IsoMessage, keys: Keys, random: Random): Uint8Array {
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

const mutations: ReadonlyArray<readonly [string, Mutation]> = [
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

function unpacks(frame: Uint8Array): IsoMessage | undefined {
  try {
    return unpackMessage(cupPos, frame).message;
  } catch {
    return undefined;
  }
}

const isRequestMti = (mti: string) => ['0', '2', '4'].includes(mti[2] ?? '');

/** What the host may do with one frame: 30 or silence if it does not unpack; one well-formed answer with a code if it does. */
function judge(frame: Uint8Array, answers: Uint8Array[]): { outcome: string; problems: string[]; answer: IsoMessage | undefined } {
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

/** One end of a link with the frames that arrived on it. */
class Endpoint {
  readonly answers: Uint8Array[] = [];
  private decoder = new LengthFrameDecoder(65_535);
  private readonly stop: () => void;

  constructor(readonly link: ByteLink) {
    this.stop = link.onData((chunk) => this.answers.push(...this.decoder.push(chunk)));
  }

  take(): Uint8Array[] {
    return this.answers.splice(0);
  }

  dispose(): void {
    this.stop();
  }
}

const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('host under fuzzing', () => {
  it(`answers ${FRAMES.toLocaleString('en')} mutated frames with 30 or silence, never throws, and keeps serving an honest terminal`, async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 1, 0, 0));
    const hostErrors: string[] = [];
    const host = shop(clock, hostErrors);
    const random = seededRandom(20261122);
    const errors: string[] = [];
    let fuzzKeys = keysFrom(host.handle(signInFrame(FUZZER.terminalId, '000001')), FUZZER.masterKey);
    const seeds = seedFrames(fuzzKeys);
    const saleBase = saleFields(FUZZER.terminalId, '000200', FUZZ_CARD, fuzzKeys, 500);

    const [honestEnd, honestHostEnd] = createLinkPair();
    host.attach(honestHostEnd);
    const honest = new Endpoint(honestEnd);
    honestEnd.write(encodeLengthFrame(signInFrame(HONEST.terminalId, '000001')));
    await drain();
    const honestKeys = keysFrom(honest.take()[0], HONEST.masterKey);
    let honestStan = 1;

    let fuzzLink = createLinkPair();
    let detach = host.attach(fuzzLink[1]);
    let fuzz = new Endpoint(fuzzLink[0]);
    const reconnect = () => {
      fuzz.dispose();
      detach();
      fuzzLink[0].close();
      fuzzLink = createLinkPair();
      detach = host.attach(fuzzLink[1]);
      fuzz = new Endpoint(fuzzLink[0]);
    };
    const counts = new Map<string, number>();
    const outcomes = new Map<string, number>();

    for (let n = 0; n < FRAMES; n++) {
      const nonsense = random.int(0, 4) === 0;
      const [name, mutate] = nonsense ? (['signed nonsense', undefined] as const) : mutations[random.int(0, mutations.length - 1)]!;
      const frame = mutate ? mutate(seeds[random.int(0, seeds.length - 1)]!, random) : signedNonsense(saleBase, fuzzKeys, random);
      const lie = random.int(0, 19) === 0;
      const wire = encodeLengthFrame(frame);
      if (lie) {
        // A length that is not the frame's: the stream can no longer be trusted, so hang up after it.
        const declared = random.int(0, 1) === 0 ? random.int(0, 0xffff) : Math.max(0, frame.length + random.int(-8, 8));
        wire[0] = declared >> 8;
        wire[1] = declared & 0xff;
      }
      counts.set(lie ? 'length lie' : name, (counts.get(lie ? 'length lie' : name) ?? 0) + 1);
      try {
        fuzzLink[0].write(wire);
      } catch (error) {
        errors.push(`frame ${n} (${name}): write failed: ${String(error)}`);
      }
      await drain();
      const answers = fuzz.take();

      if (lie) {
        for (const answer of answers) if (!unpacks(answer)) errors.push(`frame ${n} (length lie): answer does not unpack`);
        reconnect();
      } else {
        const { outcome, problems, answer } = judge(frame, answers);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        errors.push(...problems.map((problem) => `frame ${n} (${name}): ${problem}`));
        // A mutated sign-in that still reads as one re-keys the fuzzer's terminal: follow it.
        if (answer?.mti === '0810' && answer.fields[39] === '00' && answer.fields[41] === FUZZER.terminalId) {
          fuzzKeys = keysFrom(answers[0], FUZZER.masterKey);
        }
      }

      if (n % HONEST_EVERY === 0) {
        clock.advanceTo(clock.now() + 70_000);
        honestStan++;
        const stan = String(honestStan).padStart(6, '0');
        honestEnd.write(encodeLengthFrame(signed(saleFields(HONEST.terminalId, stan, HONEST_CARD, honestKeys, 100), honestKeys)));
        await drain();
        const [reply] = honest.take();
        const message = reply && unpacks(reply);
        if (message?.fields[39] !== '00' || message.fields[11] !== stan) {
          errors.push(`honest sale ${stan} after frame ${n}: ${message ? String(message.fields[39]) : 'no answer'}`);
        }
      }
      if (errors.length >= 20) break;
    }

    expect(errors).toEqual([]);
    expect(hostErrors).toEqual([]);
    expect(host.queries.journal({ terminalId: HONEST.terminalId }).filter((row) => row.responseCode === '00')).toHaveLength(FRAMES / HONEST_EVERY);
    for (const name of [...mutations.map(([n]) => n), 'length lie', 'signed nonsense']) expect(counts.get(name) ?? 0).toBeGreaterThan(FRAMES / 40);
    // The frames got past parsing and the MAC into the handlers, not only bounced at the door.
    expect(outcomes.get('answered 30') ?? 0).toBeGreaterThan(FRAMES / 10);
    expect([...outcomes.keys()].filter((outcome) => !['answered 30', 'answered A0', 'answered 97', 'silence'].includes(outcome)).length).toBeGreaterThanOrEqual(4);
    host.close();
  }, 60_000);

  it('takes a sample of the same over TCP while an honest terminal on another connection keeps being answered', async () => {
    const hostErrors: string[] = [];
    const host = shop(new WallClock(), hostErrors);
    const server = await serveTcp(host, { port: 0 });
    const random = seededRandom(8583_2);
    const honest = await TcpTerminal.open(server.port);
    const fuzzer = await TcpTerminal.open(server.port);
    const liars: TcpTerminal[] = [];
    try {
      const honestKeys = keysFrom(await honest.exchange(signInFrame(HONEST.terminalId, '000001')), HONEST.masterKey);
      const fuzzKeys = keysFrom(await fuzzer.exchange(signInFrame(FUZZER.terminalId, '000001')), FUZZER.masterKey);
      const seeds = seedFrames(fuzzKeys);
      let approved = 0;
      const received: Uint8Array[] = [];
      for (let n = 0; n < 2_000; n++) {
        const [, mutate] = mutations[random.int(0, mutations.length - 1)]!;
        const wire = encodeLengthFrame(mutate(seeds[random.int(0, seeds.length - 1)]!, random));
        fuzzer.send(wire);
        if (n % 100 === 0) {
          const stan = String(n / 100 + 2).padStart(6, '0');
          const answer = unpacks(await honest.exchange(signed(saleFields(HONEST.terminalId, stan, HONEST_CARD, honestKeys, 100), honestKeys)));
          if (answer?.fields[39] === '00' && answer.fields[11] === stan) approved++;
        }
      }
      // Length lies, each on a connection of its own (after one, nothing on that stream can be trusted).
      for (let n = 0; n < 50; n++) {
        const liar = await TcpTerminal.open(server.port);
        const wire = encodeLengthFrame(seeds[n % seeds.length]!);
        const declared = n % 2 === 0 ? random.int(0, 0xffff) : wire.length - 2 + random.int(-8, 8);
        wire[0] = (declared >> 8) & 0xff;
        wire[1] = declared & 0xff;
        liar.send(wire);
        liar.send(random.bytes(random.int(0, 64)));
        liars.push(liar);
      }
      const stan = '000099';
      const last = unpacks(await honest.exchange(signed(saleFields(HONEST.terminalId, stan, HONEST_CARD, honestKeys, 100), honestKeys)));
      if (last?.fields[39] === '00') approved++;
      await until(() => fuzzer.received.length >= 1_000, 3_000);
      expect(approved).toBe(21);
      received.push(...fuzzer.received, ...liars.flatMap((liar) => liar.received));
      expect(received.length).toBeGreaterThan(1_000);
      expect(received.filter((frame) => unpacks(frame)?.fields[39] === undefined)).toEqual([]);
      expect(hostErrors).toEqual([]);
    } finally {
      honest.close();
      fuzzer.close();
      for (const liar of liars) liar.close();
      await server.close();
      host.close();
    }
  }, 30_000);
});

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const start = performance.now(); !condition() && performance.now() - start < ms; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A terminal on a real socket: frames out, frames in, and a way to wait for the next answer. */
class TcpTerminal {
  readonly received: Uint8Array[] = [];
  closed = false;
  private readonly decoder = new LengthFrameDecoder(65_535);
  private next: ((frame: Uint8Array) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      for (const frame of this.decoder.push(chunk)) {
        const waiting = this.next;
        this.next = undefined;
        if (waiting) waiting(frame);
        else this.received.push(frame);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static open(port: number): Promise<TcpTerminal> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new TcpTerminal(socket)));
      socket.once('error', reject);
    });
  }

  send(wire: Uint8Array): void {
    if (!this.closed) this.socket.write(wire);
  }

  exchange(frame: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5_000);
      this.next = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      this.socket.write(encodeLengthFrame(frame));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
