import type { ByteLink } from '../../platform/byte-link.ts';
import { Listeners } from '../../platform/byte-link.ts';
import { LinkDownError } from '../../platform/errors.ts';
import type { EventSink } from '../../platform/events.ts';
import { ignoreEvents } from '../../platform/events.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { describeMessage } from '../../protocol/iso8583/describe.ts';
import type { Dialect } from '../../protocol/iso8583/types.ts';

export type Direction = 'to-host' | 'to-terminal';

/** Decides, per whole frame, whether it crosses; faults install one of these. */
export type FrameFilter = (direction: Direction, frame: Uint8Array) => 'pass' | 'drop';

/**
 * The terminal's network: its modem, the carrier, and the acquirer's front end, in one
 * emulated link. It carries length-framed ISO 8583 frames between the terminal and the host,
 * reports every message to the timeline (decoded and masked), and lets faults cut the line
 * or lose frames. The terminal sees `terminalPort`, a `ByteLink` like any other.
 */
export class NetworkLink {
  readonly terminalPort: ByteLink;
  private down = false;
  private regionCode: string;
  private cell: string;
  private readonly filters = new Set<FrameFilter>();
  private readonly toTerminal = new Listeners<Uint8Array>();
  private readonly status = new Listeners<boolean>();
  private terminalDecoder = new LengthFrameDecoder();
  private hostDecoder = new LengthFrameDecoder();

  constructor(
    private readonly hostSide: ByteLink,
    private readonly options: { dialect: Dialect; events?: EventSink; region: string; cell?: string },
  ) {
    this.regionCode = options.region;
    this.cell = options.cell ?? 'A1';
    hostSide.onData((chunk) => this.fromHost(chunk));
    const link = this;
    this.terminalPort = {
      get up() {
        return link.isUp;
      },
      write: (bytes) => this.fromTerminal(bytes),
      onData: (listener) => this.toTerminal.add(listener),
      onStatus: (listener) => this.status.add(listener),
      close: () => hostSide.close(),
    };
  }

  get isUp(): boolean {
    return !this.down && this.hostSide.up;
  }

  /** Pulls the cable (or loses the carrier); frames in flight are lost. */
  setDown(down: boolean): void {
    if (this.down === down) return;
    this.down = down;
    this.terminalDecoder = new LengthFrameDecoder();
    this.hostDecoder = new LengthFrameDecoder();
    this.events('link', down ? 'down' : 'up');
    this.status.emit(!down);
  }

  addFilter(filter: FrameFilter): () => void {
    this.filters.add(filter);
    return () => this.filters.delete(filter);
  }

  /** Where the modem says the terminal is, as the terminal reports it in field 59. */
  location(): string {
    return `region=${this.regionCode};cell=${this.cell}`;
  }

  moveTo(region: string, cell = 'A1'): void {
    this.regionCode = region;
    this.cell = cell;
    this.events('link', 'moved', { region, cell });
  }

  get region(): string {
    return this.regionCode;
  }

  private get events(): EventSink {
    return this.options.events ?? ignoreEvents;
  }

  private fromTerminal(bytes: Uint8Array): void {
    if (!this.isUp) throw new LinkDownError('network link is down');
    for (const frame of this.frames(bytes, 'to-host')) {
      if (this.crosses('to-host', frame)) this.hostSide.write(encodeLengthFrame(frame));
    }
  }

  private fromHost(bytes: Uint8Array): void {
    if (this.down) return;
    for (const frame of this.frames(bytes, 'to-terminal')) {
      if (this.crosses('to-terminal', frame)) {
        const framed = encodeLengthFrame(frame);
        queueMicrotask(() => this.toTerminal.emit(framed));
      }
    }
  }

  private frames(bytes: Uint8Array, direction: Direction): Uint8Array[] {
    const decoder = direction === 'to-host' ? this.terminalDecoder : this.hostDecoder;
    try {
      return decoder.push(bytes);
    } catch {
      this.events('link', 'garbage', { direction, bytes: bytes.length });
      if (direction === 'to-host') this.terminalDecoder = new LengthFrameDecoder();
      else this.hostDecoder = new LengthFrameDecoder();
      return [];
    }
  }

  private crosses(direction: Direction, frame: Uint8Array): boolean {
    const verdict = [...this.filters].some((filter) => filter(direction, frame) === 'drop') ? 'drop' : 'pass';
    this.events('link', verdict === 'pass' ? 'message' : 'dropped', { direction, ...summarise(this.options.dialect, frame) });
    return verdict === 'pass';
  }
}

/** A one-line, masked account of a frame for the timeline. */
function summarise(dialect: Dialect, frame: Uint8Array): Record<string, string> {
  try {
    const { message } = unpackMessage(dialect, frame);
    const fields = describeMessage(dialect, message)
      .map((f) => `${f.field}=${f.value}`)
      .join(' ');
    return { mti: message.mti, fields };
  } catch {
    return { mti: '????', fields: `undecodable frame of ${frame.length} bytes` };
  }
}
