import type { ByteLink } from '../../platform/byte-link.ts';
import { Listeners } from '../../platform/byte-link.ts';
import type { Clock } from '../../platform/clock.ts';
import { LinkDownError } from '../../platform/errors.ts';
import type { EventSink } from '../../platform/events.ts';
import { ignoreEvents } from '../../platform/events.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import type { Dialect } from '../../protocol/iso8583/types.ts';
import { BytePipeline, type ByteStage } from './byte-pipeline.ts';
import type { FrameCopy, FrameRule } from './frame-rule.ts';
import { describeView, viewFrame, type Direction, type FrameView, type LinkMessage } from './link-message.ts';

export type { Direction } from './link-message.ts';

/** Full signal on the modem's meter; 0 is no usable carrier. */
export const MAX_BARS = 4;

/** Opens a fresh connection to the acquirer's front end; called again after every drop. */
export type HostDialer = () => ByteLink;

export interface NetworkLinkOptions {
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly events?: EventSink;
  readonly region: string;
  readonly cell?: string;
}

/**
 * The terminal's network: its modem, the carrier, and the connection to the acquirer, in one
 * emulated link. Length-framed ISO 8583 frames cross it; each is logged (decoded, masked),
 * passed through the frame rules that faults install (drop, delay, rewrite, duplicate) and
 * then, as bytes, through each direction's pipeline of byte stages (latency, bandwidth,
 * slicing, limits). The connection drops when the carrier is lost, the host refuses or a
 * fault resets it, and is dialled afresh when it may come back; whatever was in flight on a
 * dead connection is lost, as on a real one. The terminal sees `terminalPort`.
 */
export class NetworkLink {
  readonly terminalPort: ByteLink;
  private carrierCuts = 0;
  private hostRefusals = 0;
  private resetUntil: number | undefined;
  private disposed = false;
  private reportedUp = false;
  private connection: ByteLink | undefined;
  private generation = 0;
  private regionCode: string;
  private cell: string;
  private bars = MAX_BARS;
  private rules: FrameRule[] = [];
  private readonly pipelines: Record<Direction, BytePipeline>;
  private readonly decoders: Record<Direction, LengthFrameDecoder> = {
    'to-host': new LengthFrameDecoder(),
    'to-terminal': new LengthFrameDecoder(),
  };
  private readonly log: LinkMessage[] = [];
  private readonly seen = new Listeners<LinkMessage>();
  private readonly toTerminal = new Listeners<Uint8Array>();
  private readonly status = new Listeners<boolean>();
  private readonly faultErrors = new Listeners<unknown>();

  constructor(
    private readonly dial: HostDialer,
    private readonly options: NetworkLinkOptions,
  ) {
    this.regionCode = options.region;
    this.cell = options.cell ?? 'A1';
    this.pipelines = {
      'to-host': new BytePipeline((bytes) => this.deliverToHost(bytes)),
      'to-terminal': new BytePipeline((bytes) => this.deliverToTerminal(bytes)),
    };
    this.connect();
    this.reportedUp = this.isUp;
    const link = this;
    this.terminalPort = {
      get up() {
        return link.isUp;
      },
      write: (bytes) => this.fromTerminal(bytes),
      onData: (listener) => this.toTerminal.add(listener),
      onStatus: (listener) => this.status.add(listener),
      close: () => this.dispose(),
    };
  }

  get isUp(): boolean {
    return this.wantsConnection && (this.connection?.up ?? false);
  }

  get dialect(): Dialect {
    return this.options.dialect;
  }

  /**
   * Pulls the cable (or loses the carrier): the connection drops until every cut is mended.
   * Returns the mend; calling it twice mends once.
   */
  cutCarrier(): () => void {
    return this.hold('carrierCuts', 'carrier lost', 'carrier back');
  }

  /** The host's front end refuses connections: the connection drops and redials fail until released. */
  refuseHost(): () => void {
    return this.hold('hostRefusals', 'host refused', 'host accepts');
  }

  /** Connection reset by peer: the terminal sees the link drop, and come back after `reconnectAfterMs`. */
  reset(reconnectAfterMs = 0): void {
    const until = this.options.clock.now() + reconnectAfterMs;
    this.resetUntil = Math.max(until, this.resetUntil ?? until);
    this.update('reset by peer');
    this.options.clock.setTimeout(() => {
      if (this.resetUntil === undefined || this.options.clock.now() < this.resetUntil) return;
      this.resetUntil = undefined;
      this.update('reconnected');
    }, reconnectAfterMs);
  }

  addFrameRule(rule: FrameRule): () => void {
    this.rules = [...this.rules, rule];
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** Puts a byte stage into one direction's pipeline; the returned function removes it, releasing what it holds. */
  addStage(direction: Direction, stage: ByteStage): () => void {
    return this.pipelines[direction].add(stage);
  }

  /** Told of every frame as it enters the link, after the frame rules decided its fate. */
  onMessage(listener: (message: LinkMessage) => void): () => void {
    return this.seen.add(listener);
  }

  /**
   * Told when a fault's frame rule or byte stage threw. The link carries the frame on as if
   * that fault were not there, so one broken fault unit never takes the whole run down; the
   * listener decides what the error means (the harness calls the scenario broken).
   */
  onFaultError(listener: (error: unknown) => void): () => void {
    return this.faultErrors.add(listener);
  }

  /** Every frame that entered the link so far, oldest first; masked, so safe to keep. */
  messages(): readonly LinkMessage[] {
    return this.log;
  }

  /** Lets a fault put what it did on the timeline. */
  note(kind: string, detail: Record<string, string | number | boolean>): void {
    this.events('link', kind, detail);
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

  /** The modem's signal meter, 0–4 bars, as the terminal reads it beside the location. */
  signal(): number {
    return this.bars;
  }

  /** The carrier gets weaker or stronger; at 0 the connection may stay up but cannot be trusted. */
  setSignal(bars: number): void {
    this.bars = Math.max(0, Math.min(MAX_BARS, Math.round(bars)));
    this.events('link', 'signal', { bars: this.bars });
  }

  dispose(): void {
    this.disposed = true;
    this.update('closed');
  }

  private get wantsConnection(): boolean {
    return !this.disposed && this.carrierCuts === 0 && this.hostRefusals === 0 && this.resetUntil === undefined;
  }

  private hold(counter: 'carrierCuts' | 'hostRefusals', downReason: string, upReason: string): () => void {
    this[counter] += 1;
    this.update(downReason);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this[counter] -= 1;
      this.update(upReason);
    };
  }

  private get events(): EventSink {
    return this.options.events ?? ignoreEvents;
  }

  private update(reason: string): void {
    if (!this.wantsConnection && this.connection) this.disconnect();
    if (this.wantsConnection && !this.connection?.up) this.connect();
    const up = this.isUp;
    if (up === this.reportedUp) return;
    this.reportedUp = up;
    this.events('link', up ? 'up' : 'down', { reason });
    this.status.emit(up);
  }

  private connect(): void {
    if (this.connection) this.disconnect();
    const connection = this.dial();
    this.connection = connection;
    this.generation += 1;
    connection.onData((bytes) => {
      if (connection === this.connection) this.fromHost(bytes);
    });
    connection.onStatus((up) => {
      if (!up && connection === this.connection) this.update('host closed');
    });
  }

  private disconnect(): void {
    const connection = this.connection;
    this.connection = undefined;
    this.generation += 1;
    for (const direction of ['to-host', 'to-terminal'] as const) {
      const lost = this.pipelines[direction].discard();
      if (lost > 0) this.events('link', 'lost', { direction, bytes: lost });
      this.decoders[direction] = new LengthFrameDecoder();
    }
    connection?.close();
  }

  private fromTerminal(bytes: Uint8Array): void {
    if (!this.isUp) throw new LinkDownError('network link is down');
    for (const frame of this.frames(bytes, 'to-host')) this.cross('to-host', frame);
  }

  private fromHost(bytes: Uint8Array): void {
    for (const frame of this.frames(bytes, 'to-terminal')) this.cross('to-terminal', frame);
  }

  private frames(bytes: Uint8Array, direction: Direction): Uint8Array[] {
    try {
      return this.decoders[direction].push(bytes);
    } catch {
      this.events('link', 'garbage', { direction, bytes: bytes.length });
      this.decoders[direction] = new LengthFrameDecoder();
      return [];
    }
  }

  private cross(direction: Direction, frame: Uint8Array): void {
    const view = viewFrame(this.options.dialect, direction, frame);
    let copies: readonly FrameCopy[] = [{ bytes: frame, delayMs: 0 }];
    for (const rule of this.rules) copies = copies.flatMap((copy) => this.applyRule(rule, copy, view));
    const message: LinkMessage = {
      ...view,
      seq: this.log.length + 1,
      at: this.options.clock.now(),
      verdict: copies.length > 0 ? 'passed' : 'dropped',
    };
    this.log.push(message);
    this.events('link', copies.length > 0 ? 'message' : 'dropped', {
      direction,
      mti: view.mti,
      fields: describeView(view, frame.length),
    });
    const generation = this.generation;
    for (const copy of copies) {
      const send = () => {
        if (generation !== this.generation) return this.events('link', 'lost', { direction, bytes: copy.bytes.length + 2 });
        try {
          this.pipelines[direction].push(encodeLengthFrame(copy.bytes));
        } catch (error) {
          this.faultFailed(error);
        }
      };
      if (copy.delayMs > 0) this.options.clock.setTimeout(send, copy.delayMs);
      else send();
    }
    this.seen.emit(message);
  }

  private applyRule(rule: FrameRule, copy: FrameCopy, view: FrameView): readonly FrameCopy[] {
    try {
      return rule(copy, view);
    } catch (error) {
      this.faultFailed(error);
      return [copy];
    }
  }

  private faultFailed(error: unknown): void {
    this.events('link', 'fault-error', { error: error instanceof Error ? error.message : String(error) });
    this.faultErrors.emit(error);
  }

  private deliverToHost(bytes: Uint8Array): void {
    const connection = this.connection;
    if (!this.isUp || !connection) {
      this.events('link', 'lost', { direction: 'to-host', bytes: bytes.length });
      return;
    }
    connection.write(bytes);
  }

  private deliverToTerminal(bytes: Uint8Array): void {
    if (!this.isUp) {
      this.events('link', 'lost', { direction: 'to-terminal', bytes: bytes.length });
      return;
    }
    // Bytes still on their way when the connection dies belong to it, not to the next one.
    const generation = this.generation;
    queueMicrotask(() => {
      if (generation === this.generation) this.toTerminal.emit(bytes);
      else this.events('link', 'lost', { direction: 'to-terminal', bytes: bytes.length });
    });
  }
}
