import type { Duplex } from 'node:stream';
import type { Clock, Timer } from '../platform/clock.ts';
import { DeadlineError, LinkDownError, PoslabError } from '../platform/errors.ts';
import { Listeners } from '../platform/byte-link.ts';
import { ACK, NAK, StxFrameDecoder, encodeStxFrame } from '../protocol/framing/stx-etx.ts';

/**
 * The terminal's end of the framed device protocol (docs/devices.md), shared by the PIN pad
 * and card reader drivers.
 *
 * Theory of operation: one request at a time (later ones queue). A request frame is written
 * and must be acknowledged within `ackTimeoutMs`; a NAK or a missed ACK resends it, up to
 * `retries` times. Once acknowledged, the first frame whose command letter matches the request's
 * is its response. Every good incoming frame is ACKed and every bad one NAKed, whatever we are
 * doing; good frames that answer nothing we asked go to the unsolicited listeners (card
 * events). A response that overtakes a lost ACK counts as the acknowledgement.
 */
export class FramedLinkError extends PoslabError {
  constructor(code: 'NAK_LIMIT', message: string) {
    super(code, message, { side: 'peer' });
  }
}

export interface FramedLinkOptions {
  /** Names the device in errors, e.g. 'PIN pad'. */
  readonly device: string;
  readonly ackTimeoutMs?: number;
  readonly retries?: number;
}

interface Sending {
  readonly frame: Uint8Array;
  attempts: number;
  timer: Timer | undefined;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface Awaiting {
  readonly letter: number;
  readonly resolve: (payload: Uint8Array) => void;
}

export class FramedLink {
  private readonly decoder = new StxFrameDecoder();
  private readonly unsolicited = new Listeners<Uint8Array>();
  private readonly device: string;
  private readonly ackTimeoutMs: number;
  private readonly retries: number;
  private queue: Promise<unknown> = Promise.resolve();
  private sending: Sending | undefined;
  private awaiting: Awaiting | undefined;
  private failPending: ((error: Error) => void) | undefined;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onClose = (): void => this.failPending?.(new LinkDownError(`${this.device} port closed`));
  private readonly onError = (error: Error): void => this.failPending?.(new LinkDownError(`${this.device} port failed: ${error.message}`));

  constructor(
    private readonly port: Duplex,
    private readonly clock: Clock,
    options: FramedLinkOptions,
  ) {
    this.device = options.device;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 500;
    this.retries = options.retries ?? 3;
    port.on('data', this.onData);
    port.on('close', this.onClose);
    port.on('error', this.onError);
  }

  /** Sends `payload` (command letter first) and resolves with the device's response payload. */
  request(payload: Uint8Array, responseTimeoutMs: number): Promise<Uint8Array> {
    const run = (): Promise<Uint8Array> => this.exchange(payload, responseTimeoutMs);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  onUnsolicited(listener: (payload: Uint8Array) => void): () => void {
    return this.unsolicited.add(listener);
  }

  dispose(): void {
    this.port.off('data', this.onData);
    this.port.off('close', this.onClose);
    this.port.off('error', this.onError);
    this.failPending?.(new LinkDownError(`${this.device} driver disposed`));
  }

  private exchange(payload: Uint8Array, responseTimeoutMs: number): Promise<Uint8Array> {
    const letter = payload[0];
    if (letter === undefined) return Promise.reject(new RangeError('a request needs a command letter'));
    const frame = encodeStxFrame(payload);
    return new Promise<Uint8Array>((resolve, reject) => {
      let responseTimer: Timer | undefined;
      const finish = (): void => {
        if (this.sending?.timer) this.clock.clearTimeout(this.sending.timer);
        if (responseTimer) this.clock.clearTimeout(responseTimer);
        this.sending = undefined;
        this.awaiting = undefined;
        this.failPending = undefined;
      };
      this.failPending = (error) => {
        finish();
        reject(error);
      };
      this.awaiting = {
        letter,
        resolve: (response) => {
          finish();
          resolve(response);
        },
      };
      this.sending = {
        frame,
        attempts: 0,
        timer: undefined,
        resolve: () => {
          responseTimer = this.clock.setTimeout(() => {
            const what = `${this.device} answer to '${String.fromCharCode(letter)}'`;
            this.failPending?.(new DeadlineError(what, responseTimeoutMs));
          }, responseTimeoutMs);
        },
        reject: (error) => this.failPending?.(error),
      };
      this.transmit();
    });
  }

  private transmit(): void {
    const sending = this.sending;
    if (!sending) return;
    sending.attempts++;
    this.write(sending.frame);
    sending.timer = this.clock.setTimeout(() => this.resend('timeout'), this.ackTimeoutMs);
  }

  private resend(reason: 'nak' | 'timeout'): void {
    const sending = this.sending;
    if (!sending) return;
    if (sending.timer) this.clock.clearTimeout(sending.timer);
    sending.timer = undefined;
    if (sending.attempts <= this.retries) {
      this.transmit();
      return;
    }
    sending.reject(
      reason === 'nak'
        ? new FramedLinkError('NAK_LIMIT', `${this.device} refused the frame ${sending.attempts} times`)
        : new DeadlineError(`${this.device} acknowledgement after ${sending.attempts} attempts`, this.ackTimeoutMs),
    );
  }

  private acknowledged(): void {
    const sending = this.sending;
    if (!sending || !sending.timer) return;
    this.clock.clearTimeout(sending.timer);
    sending.timer = undefined;
    sending.resolve();
  }

  private receive(chunk: Uint8Array): void {
    for (const item of this.decoder.push(chunk)) {
      switch (item.kind) {
        case 'ack':
          this.acknowledged();
          break;
        case 'nak':
          if (this.sending?.timer) this.resend('nak');
          break;
        case 'bad-frame':
          this.write(Uint8Array.of(NAK));
          break;
        case 'frame':
          this.write(Uint8Array.of(ACK));
          this.route(item.payload);
          break;
      }
    }
  }

  private route(payload: Uint8Array): void {
    const awaiting = this.awaiting;
    if (awaiting && payload[0] === awaiting.letter) {
      awaiting.resolve(payload);
      return;
    }
    this.unsolicited.emit(payload);
  }

  private write(bytes: Uint8Array): void {
    if (this.port.writable) this.port.write(Buffer.from(bytes));
  }
}
