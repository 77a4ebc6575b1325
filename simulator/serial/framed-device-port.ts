import type { Clock, Timer } from '../../platform/clock.ts';
import { ACK, NAK, StxFrameDecoder, encodeStxFrame } from '../../protocol/framing/stx-etx.ts';

/**
 * The device's end of the framed protocol (docs/devices.md), shared by the emulated PIN pad and
 * card reader. It ACKs good frames and NAKs bad ones, hands payloads to the device, and sends
 * the device's frames stop-and-wait: the next frame leaves only once the last was ACKed, or
 * resent `retries` times after a NAK or a missed ACK and given up. Without a clock there is no
 * ACK deadline, so frames leave at once and a NAK resends the latest one.
 *
 * Two faults live here because they are properties of the line discipline: a silent device
 * ignores everything and says nothing; a garbling one corrupts the LRC of every frame it sends.
 */
export interface FramedDevicePortOptions {
  readonly onFrame: (payload: Uint8Array) => void;
  readonly clock?: Clock;
  readonly ackTimeoutMs?: number;
  readonly retries?: number;
}

interface InFlight {
  readonly frame: Uint8Array;
  attempts: number;
  timer: Timer | undefined;
}

export class FramedDevicePort {
  private readonly decoder = new StxFrameDecoder();
  private readonly outbox: Uint8Array[] = [];
  private inFlight: InFlight | undefined;
  private sendBytes: (bytes: Uint8Array) => void = () => {};
  private silent = false;
  private garbling = false;

  constructor(private readonly options: FramedDevicePortOptions) {}

  connect(send: (bytes: Uint8Array) => void): void {
    this.sendBytes = send;
  }

  receive(bytes: Uint8Array): void {
    if (this.silent) return;
    for (const item of this.decoder.push(bytes)) {
      switch (item.kind) {
        case 'frame':
          this.sendBytes(Uint8Array.of(ACK));
          this.options.onFrame(item.payload);
          break;
        case 'bad-frame':
          this.sendBytes(Uint8Array.of(NAK));
          break;
        case 'ack':
          this.acknowledged();
          break;
        case 'nak':
          this.resend();
          break;
      }
    }
  }

  send(payload: Uint8Array): void {
    if (this.silent) return;
    const frame = encodeStxFrame(payload);
    if (this.options.clock && this.inFlight) {
      this.outbox.push(frame);
      return;
    }
    this.start(frame);
  }

  setSilent(silent: boolean): void {
    this.silent = silent;
    if (!silent) return;
    this.outbox.length = 0;
    this.stopTimer();
    this.inFlight = undefined;
  }

  setGarbling(garbling: boolean): void {
    this.garbling = garbling;
  }

  private start(frame: Uint8Array): void {
    this.stopTimer();
    this.inFlight = { frame, attempts: 0, timer: undefined };
    this.transmit();
  }

  private transmit(): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    inFlight.attempts++;
    const bytes = inFlight.frame.slice();
    if (this.garbling) bytes[bytes.length - 1]! ^= 0xff;
    this.sendBytes(bytes);
    const clock = this.options.clock;
    if (clock) inFlight.timer = clock.setTimeout(() => this.resend(), this.options.ackTimeoutMs ?? 500);
  }

  private resend(): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    this.stopTimer();
    if (inFlight.attempts <= (this.options.retries ?? 3)) this.transmit();
    else this.next();
  }

  private acknowledged(): void {
    if (!this.inFlight) return;
    this.stopTimer();
    this.next();
  }

  private next(): void {
    this.inFlight = undefined;
    const frame = this.outbox.shift();
    if (frame) this.start(frame);
  }

  private stopTimer(): void {
    if (this.inFlight?.timer && this.options.clock) this.options.clock.clearTimeout(this.inFlight.timer);
    if (this.inFlight) this.inFlight.timer = undefined;
  }
}
