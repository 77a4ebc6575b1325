import type { Clock, Timer } from '../platform/clock.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import { LinkDownError } from '../platform/errors.ts';
import type { Dialect, IsoMessage } from '../protocol/iso8583/types.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../protocol/iso8583/codec.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';

export type MacFunction = (data: Uint8Array) => Promise<Uint8Array>;

export type Exchange =
  | { readonly kind: 'answered'; readonly response: IsoMessage; readonly macValid: boolean | undefined }
  | { readonly kind: 'no-answer' }
  /** Nothing left the terminal: the link is down. */
  | { readonly kind: 'link-down' }
  /** Nothing left the terminal: the PIN pad could not compute the request's MAC. */
  | { readonly kind: 'mac-unavailable' };

export interface ExchangeOptions {
  readonly timeoutMs: number;
  readonly mac?: MacFunction;
  /** With the link down, wait this long for it to come back before giving up as `link-down`. */
  readonly awaitLinkMs?: number;
}

/** The host exchange as flows use it; the host client is the real one, tests bring fakes. */
export interface HostExchange {
  exchange(request: IsoMessage, options: ExchangeOptions): Promise<Exchange>;
}

const MAC_PLACEHOLDER = new Uint8Array(8);

interface Outstanding {
  readonly stan: string;
  readonly terminalId: string;
  /** The answer's MTI up to the last digit: 0200 → 021, 0220 → 023, and 0401 (a repeat) → 041. */
  readonly answerClass: string;
  deliver(packed: Uint8Array, message: IsoMessage): void;
  /** The connection died under the request: no answer can come on it. */
  cut(): void;
}

/**
 * The terminal's side of the ISO 8583 conversation: frames requests onto the modem's link and
 * waits, on the injected clock, for the answer that matches the request's STAN, terminal id
 * and message class. Anything else (a late answer to an earlier request — say a sale's 0210
 * arriving while its reversal is outstanding under the same STAN — or garbage) is dropped:
 * a terminal acts only on the answer to what it asked.
 */
export class HostClient implements HostExchange {
  private decoder = new LengthFrameDecoder();
  private pending: Outstanding | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: ByteLink,
    private readonly clock: Clock,
    private readonly dialect: Dialect,
  ) {
    const stopData = link.onData((chunk) => this.receive(chunk));
    // A dropped line loses whatever half frame was in flight; the next connection starts clean,
    // and an answer awaited on the dead one will never come, so its outcome is unknown now.
    const stopStatus = link.onStatus((up) => {
      if (up) return;
      this.decoder = new LengthFrameDecoder();
      this.pending?.cut();
    });
    this.unsubscribe = () => {
      stopData();
      stopStatus();
    };
  }

  get online(): boolean {
    return this.link.up;
  }

  async exchange(request: IsoMessage, options: ExchangeOptions): Promise<Exchange> {
    if (!this.link.up && !(options.awaitLinkMs && (await this.linkBack(options.awaitLinkMs)))) return { kind: 'link-down' };
    let bytes: Uint8Array;
    try {
      bytes = await this.pack(request, options.mac);
    } catch {
      return { kind: 'mac-unavailable' };
    }

    const answer = new Promise<Exchange>((resolve) => {
      let timer: Timer | undefined;
      const settle = () => {
        if (timer) this.clock.clearTimeout(timer);
        this.pending = undefined;
      };
      const unanswered = () => {
        settle();
        resolve({ kind: 'no-answer' });
      };
      this.pending = {
        stan: String(request.fields[11] ?? ''),
        terminalId: String(request.fields[41] ?? ''),
        answerClass: request.mti.slice(0, 2) + String(Number(request.mti[2]) + 1),
        deliver: (packed, response) => {
          settle();
          void this.verify(packed, response, options.mac).then((macValid) => resolve({ kind: 'answered', response, macValid }));
        },
        cut: unanswered,
      };
      timer = this.clock.setTimeout(unanswered, options.timeoutMs);
    });

    try {
      this.link.write(encodeLengthFrame(bytes));
    } catch (error) {
      this.pending = undefined;
      if (error instanceof LinkDownError) return { kind: 'link-down' };
      throw error;
    }
    return answer;
  }

  private linkBack(withinMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        stop();
        resolve(false);
      }, withinMs);
      const stop = this.link.onStatus((up) => {
        if (!up) return;
        this.clock.clearTimeout(timer);
        stop();
        resolve(true);
      });
    });
  }

  /** Power cut: stop listening to the modem. */
  dispose(): void {
    this.unsubscribe();
    this.pending = undefined;
  }

  private async pack(request: IsoMessage, mac: MacFunction | undefined): Promise<Uint8Array> {
    if (!mac) return packMessage(this.dialect, request);
    const packed = packMessage(this.dialect, { mti: request.mti, fields: { ...request.fields, 64: MAC_PLACEHOLDER } });
    return withMac(packed, await mac(macRegion(this.dialect, packed)));
  }

  /** A MAC the PIN pad cannot check counts as a MAC that failed: the answer is not trusted. */
  private async verify(packed: Uint8Array, response: IsoMessage, mac: MacFunction | undefined): Promise<boolean | undefined> {
    const received = response.fields[64];
    if (!mac || !(received instanceof Uint8Array)) return undefined;
    try {
      const expected = await mac(macRegion(this.dialect, packed));
      return expected.length === received.length && expected.every((byte, i) => byte === received[i]);
    } catch {
      return false;
    }
  }

  private receive(chunk: Uint8Array): void {
    let frames: Uint8Array[];
    try {
      frames = this.decoder.push(chunk);
    } catch {
      // A broken length prefix: start afresh and let the pending request time out.
      this.decoder = new LengthFrameDecoder();
      return;
    }
    for (const frame of frames) {
      let message: IsoMessage;
      try {
        message = unpackMessage(this.dialect, frame).message;
      } catch {
        continue;
      }
      const pending = this.pending;
      if (
        pending &&
        message.mti.slice(0, 3) === pending.answerClass &&
        message.fields[11] === pending.stan &&
        message.fields[41] === pending.terminalId
      ) {
        pending.deliver(frame, message);
      }
    }
  }
}
