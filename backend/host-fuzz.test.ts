import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLinkPair } from '../platform/byte-link.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import { VirtualClock, WallClock } from '../platform/clock.ts';
import { seededRandom } from '../platform/random.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import {
  FUZZ_CARD,
  FUZZER,
  HONEST,
  HONEST_CARD,
  MERCHANT,
  judge,
  keysFrom,
  mutations,
  saleFields,
  seedFrames,
  signed,
  signedNonsense,
  signInFrame,
  unpacks,
} from './host-fuzz-frames.ts';
import { createAcquirerHost } from './host.ts';
import type { AcquirerHost } from './host.ts';
import { serveTcp } from './tcp-server.ts';

/**
 * Fuzzing the live host: mutated frames (bit flips, truncations, length lies, bad bitmaps,
 * non-numeric BCD, oversized LLLVAR, junk, well-formed nonsense under a good MAC) go down one
 * link while an honest terminal on another link keeps transacting. The host must never throw,
 * must answer what does not unpack with 30 or not at all, and must keep serving the honest
 * terminal. Seeded: a failure names its frame.
 */
const FRAMES = 100_000;
const HONEST_EVERY = 1_000;

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
