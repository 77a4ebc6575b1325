import type { Duplex } from 'node:stream';
import type { Clock } from '../../platform/clock.ts';
import { PoslabError } from '../../platform/errors.ts';
import { FramedLink } from '../framed-link.ts';

/**
 * The terminal's driver for an encrypting PIN pad speaking the framed protocol of
 * docs/devices.md. The PIN itself never reaches the terminal: `getPin` returns the pad's
 * enciphered format-0 block, and working keys travel enciphered under the pad's master key.
 */
export type PinPadErrorCode = 'KCV_MISMATCH' | 'NO_MASTER_KEY' | 'NO_WORKING_KEY' | 'NO_ANSWER' | 'BAD_RESPONSE' | 'REFUSED' | 'BAD_REQUEST';

/**
 * NO_ANSWER: the pad did not acknowledge or answer in time (its `cause` is the DeadlineError or
 * link error). BAD_REQUEST is our own caller's mistake; every other code is the pad's word.
 */
export class PinPadError extends PoslabError {
  override readonly code: PinPadErrorCode;

  constructor(code: PinPadErrorCode, message: string, cause?: unknown) {
    super(code, message, { side: code === 'BAD_REQUEST' ? 'local' : 'peer', cause });
    this.code = code;
  }
}

export interface WorkingKeys {
  /** PIN working key enciphered under the terminal master key, as the host sent it. */
  readonly pinKey: Uint8Array;
  readonly pinKcv: Uint8Array;
  readonly macKey: Uint8Array;
  readonly macKcv: Uint8Array;
}

export interface PinRequest {
  readonly pan: string;
  readonly amountMinor: number;
  readonly timeoutSeconds: number;
}

export type PinResult = { readonly status: 'entered'; readonly pinBlock: Uint8Array } | { readonly status: 'cancelled' | 'timeout' | 'bypassed' };

const STATUS = { ok: 0x00, kcvMismatch: 0x01, noKey: 0x02, cancelled: 0x03, timeout: 0x04, bypassed: 0x05 } as const;
const FS = 0x1c;
/** A pad answers a command in well under this; a PIN prompt gets its own timeout on top. */
const ANSWER_TIMEOUT_MS = 3_000;

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

export class PinPadDriver {
  private readonly link: FramedLink;

  constructor(port: Duplex, clock: Clock) {
    this.link = new FramedLink(port, clock, { device: 'PIN pad' });
  }

  async selfTest(): Promise<{ model: string }> {
    const { status, data } = await this.call('S', []);
    if (status !== STATUS.ok) throw new PinPadError('REFUSED', `PIN pad self-test failed with status ${status}`);
    return { model: Buffer.from(data).toString('latin1') };
  }

  async loadWorkingKeys(keys: WorkingKeys): Promise<void> {
    const parts = [keys.pinKey, keys.pinKcv, keys.macKey, keys.macKcv];
    if (parts.map((part) => part.length).join() !== '16,4,16,4') {
      throw new PinPadError('BAD_REQUEST', 'working keys must be 16-byte keys with 4-byte check values');
    }
    const { status } = await this.call('K', parts.flatMap((part) => [...part]));
    if (status === STATUS.ok) return;
    if (status === STATUS.kcvMismatch) throw new PinPadError('KCV_MISMATCH', 'PIN pad rejected the working keys: check value mismatch');
    if (status === STATUS.noKey) throw new PinPadError('NO_MASTER_KEY', 'PIN pad has no terminal master key');
    throw new PinPadError('REFUSED', `PIN pad refused the working keys with status ${status}`);
  }

  async getPin(request: PinRequest): Promise<PinResult> {
    const { pan, amountMinor, timeoutSeconds } = request;
    if (!/^\d{12,19}$/.test(pan) || !Number.isSafeInteger(amountMinor) || amountMinor < 0 || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 999) {
      throw new PinPadError('BAD_REQUEST', 'PIN request needs a 12–19 digit PAN, a whole amount and a timeout of 1–999 s');
    }
    const data = [...ascii(pan), FS, ...ascii(String(amountMinor)), FS, ...ascii(String(timeoutSeconds))];
    const answer = await this.call('P', data, timeoutSeconds * 1000 + ANSWER_TIMEOUT_MS);
    switch (answer.status) {
      case STATUS.ok:
        if (answer.data.length !== 8) throw new PinPadError('BAD_RESPONSE', 'PIN block must be 8 bytes');
        return { status: 'entered', pinBlock: answer.data };
      case STATUS.cancelled:
        return { status: 'cancelled' };
      case STATUS.timeout:
        return { status: 'timeout' };
      case STATUS.bypassed:
        return { status: 'bypassed' };
      case STATUS.noKey:
        throw new PinPadError('NO_WORKING_KEY', 'PIN pad has no PIN working key');
      default:
        throw new PinPadError('REFUSED', `PIN pad refused the PIN request with status ${answer.status}`);
    }
  }

  /** ISO 9797-1 algorithm 3 under the MAC working key, computed inside the pad. */
  async mac(data: Uint8Array): Promise<Uint8Array> {
    const answer = await this.call('M', [...data]);
    if (answer.status === STATUS.noKey) throw new PinPadError('NO_WORKING_KEY', 'PIN pad has no MAC working key');
    if (answer.status !== STATUS.ok) throw new PinPadError('REFUSED', `PIN pad refused the MAC with status ${answer.status}`);
    if (answer.data.length !== 8) throw new PinPadError('BAD_RESPONSE', 'MAC must be 8 bytes');
    return answer.data;
  }

  dispose(): void {
    this.link.dispose();
  }

  private async call(letter: string, data: number[], timeoutMs = ANSWER_TIMEOUT_MS): Promise<{ status: number; data: Uint8Array }> {
    let response: Uint8Array;
    try {
      response = await this.link.request(Uint8Array.from([letter.charCodeAt(0), ...data]), timeoutMs);
    } catch (error) {
      throw new PinPadError('NO_ANSWER', `PIN pad did not answer '${letter}'`, error);
    }
    const status = response[1];
    if (status === undefined) throw new PinPadError('BAD_RESPONSE', `PIN pad answer to '${letter}' lacks a status byte`);
    return { status, data: response.slice(2) };
  }
}
