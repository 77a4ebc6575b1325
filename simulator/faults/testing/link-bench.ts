import { createLinkPair, type ByteLink } from '../../../platform/byte-link.ts';
import { VirtualClock } from '../../../platform/clock.ts';
import type { EventDetail, EventSource } from '../../../platform/events.ts';
import { seededRandom } from '../../../platform/random.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../../protocol/framing/length-prefixed.ts';
import { packMessage, unpackMessage } from '../../../protocol/iso8583/codec.ts';
import { cupPos } from '../../../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage } from '../../../protocol/iso8583/types.ts';
import { CardReaderDevice } from '../../card-reader/card-reader-device.ts';
import { NetworkLink } from '../../network/network-link.ts';
import { PinPadDevice } from '../../pinpad/pinpad-device.ts';
import { ReceiptPrinter } from '../../printer/receipt-printer.ts';
import type { FaultTargets } from '../fault.ts';
import { Mishaps } from '../mishaps.ts';

export interface Arrival {
  /** Virtual ms when the bytes completed a frame at that end. */
  readonly at: number;
  /** The MTI, or `garbage` when the frame did not unpack. */
  readonly mti: string;
  readonly message?: IsoMessage;
}

/**
 * A network link between a scripted terminal and an echo host on a virtual clock, for fault
 * unit tests: the host answers every request with its response MTI, the same STAN and `00`.
 */
export class LinkBench {
  readonly clock = new VirtualClock(0);
  readonly events: { at: number; source: EventSource; kind: string; detail?: EventDetail }[] = [];
  readonly network: NetworkLink;
  readonly atHost: Arrival[] = [];
  readonly atTerminal: Arrival[] = [];
  readonly statuses: boolean[] = [];
  /** The merchant ids the terminal was bound to by `terminal.rebind`, in order. */
  readonly bindings: string[] = [];
  readonly chunksAtHost: number[] = [];
  dials = 0;
  restarts = 0;
  private terminalDecoder = new LengthFrameDecoder();

  constructor() {
    this.network = new NetworkLink(() => this.dial(), {
      dialect: cupPos,
      clock: this.clock,
      events: (source, kind, detail) => this.events.push({ at: this.clock.now(), source, kind, ...(detail ? { detail } : {}) }),
      region: '310000',
    });
    this.network.terminalPort.onData((bytes) => this.record(this.terminalDecoder.push(bytes), this.atTerminal));
    this.network.terminalPort.onStatus((up) => {
      this.statuses.push(up);
      if (!up) this.terminalDecoder = new LengthFrameDecoder();
    });
  }

  /** The terminal sends a request; STAN and amount (fen) as given. */
  send(mti = '0200', stan = '000001', amountMinor = 1000, extra: IsoMessage['fields'] = {}): void {
    const fields = { 3: '000000', 4: String(amountMinor).padStart(12, '0'), 11: stan, 41: '10000001', ...extra };
    this.network.terminalPort.write(encodeLengthFrame(packMessage(cupPos, { mti, fields })));
  }

  /** Runs every timer due within `ms` of now, settling delivery in between. */
  async run(ms = 0): Promise<void> {
    const until = this.clock.now() + ms;
    await this.flush();
    while (this.clock.nextDue() !== undefined && this.clock.nextDue()! <= until) {
      this.clock.fireNext();
      await this.flush();
    }
    this.clock.advanceTo(until);
    await this.flush();
  }

  kinds(source: EventSource = 'link'): string[] {
    return this.events.filter((e) => e.source === source).map((e) => e.kind);
  }

  targets(): FaultTargets {
    return {
      network: this.network,
      terminal: {
        rebind: (merchantId) => {
          this.bindings.push(merchantId);
          return () => this.bindings.push('home');
        },
      },
      printer: new ReceiptPrinter({ widthDots: 384 }),
      pinpad: new PinPadDevice({ clock: this.clock }),
      reader: new CardReaderDevice(),
      host: { restart: () => (this.restarts += 1) },
      mishaps: new Mishaps(),
      clock: this.clock,
      random: seededRandom(7),
    };
  }

  private async flush(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private dial(): ByteLink {
    this.dials += 1;
    const [terminalEnd, hostEnd] = createLinkPair();
    const decoder = new LengthFrameDecoder();
    hostEnd.onData((bytes) => {
      this.chunksAtHost.push(bytes.length);
      for (const arrival of this.record(decoder.push(bytes), this.atHost)) {
        const request = arrival.message;
        if (!request || !hostEnd.up) continue;
        const mti = `${request.mti.slice(0, 2)}${Number(request.mti[2]) + 1}0`;
        const answer = { mti, fields: { 4: request.fields[4] ?? '000000000000', 11: request.fields[11] ?? '', 39: '00', 41: '10000001' } };
        hostEnd.write(encodeLengthFrame(packMessage(cupPos, answer)));
      }
    });
    return terminalEnd;
  }

  private record(frames: Uint8Array[], into: Arrival[]): Arrival[] {
    const arrivals = frames.map((frame): Arrival => {
      try {
        const { message } = unpackMessage(cupPos, frame);
        return { at: this.clock.now(), mti: message.mti, message };
      } catch {
        return { at: this.clock.now(), mti: 'garbage' };
      }
    });
    into.push(...arrivals);
    return arrivals;
  }
}
