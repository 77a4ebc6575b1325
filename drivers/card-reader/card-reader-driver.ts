import type { Duplex } from 'node:stream';
import { Listeners } from '../../platform/byte-link.ts';
import type { Clock } from '../../platform/clock.ts';
import { PoslabError } from '../../platform/errors.ts';
import { FramedLink } from '../framed-link.ts';

/**
 * The terminal's driver for a hybrid card reader speaking the framed protocol of
 * docs/devices.md: unsolicited `E` frames become `CardEvent`s in arrival order, and `transmit`
 * relays a command APDU to the card in the slot or field.
 */
export type CardEvent =
  | { readonly kind: 'swipe'; readonly track2: string; readonly track3?: string }
  | { readonly kind: 'bad-swipe' }
  | { readonly kind: 'chip-inserted'; readonly atr: Uint8Array }
  | { readonly kind: 'chip-failed' }
  | { readonly kind: 'tap' }
  | { readonly kind: 'removed' };

export type CardReaderErrorCode = 'NO_CARD' | 'NO_ANSWER' | 'BAD_RESPONSE' | 'REFUSED';

/** NO_CARD: nothing in the slot or field (or it was pulled). NO_ANSWER: the reader is silent or the line is down. */
export class CardReaderError extends PoslabError {
  override readonly code: CardReaderErrorCode;

  constructor(code: CardReaderErrorCode, message: string, cause?: unknown) {
    super(code, message, { side: 'peer', cause });
    this.code = code;
  }
}

const LETTER_EVENT = 0x45;
const LETTER_APDU = 0x41;
const LETTER_SELF_TEST = 0x53;
const FS = 0x1c;
const STATUS_OK = 0x00;
const STATUS_NO_CARD = 0x06;
/** A card answers within milliseconds; this bounds a reader that acknowledged and then hung. */
const ANSWER_TIMEOUT_MS = 3_000;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

function parseEvent(payload: Uint8Array): CardEvent | undefined {
  const data = payload.subarray(2);
  switch (String.fromCharCode(payload[1] ?? 0)) {
    case 'S': {
      const split = data.indexOf(FS);
      const track2 = latin1(split < 0 ? data : data.subarray(0, split));
      const track3 = split < 0 ? '' : latin1(data.subarray(split + 1));
      return track3 === '' ? { kind: 'swipe', track2 } : { kind: 'swipe', track2, track3 };
    }
    case 'B':
      return { kind: 'bad-swipe' };
    case 'I':
      return { kind: 'chip-inserted', atr: data.slice() };
    case 'F':
      return { kind: 'chip-failed' };
    case 'T':
      return { kind: 'tap' };
    case 'R':
      return { kind: 'removed' };
    default:
      return undefined;
  }
}

export class CardReaderDriver {
  private readonly link: FramedLink;
  private readonly listeners = new Listeners<CardEvent>();

  constructor(port: Duplex, clock: Clock) {
    this.link = new FramedLink(port, clock, { device: 'card reader' });
    this.link.onUnsolicited((payload) => {
      if (payload[0] !== LETTER_EVENT) return;
      const event = parseEvent(payload);
      if (event) this.listeners.emit(event);
    });
  }

  onEvent(listener: (event: CardEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async selfTest(): Promise<{ model: string }> {
    const data = await this.call(Uint8Array.of(LETTER_SELF_TEST));
    return { model: latin1(data) };
  }

  /** Response data followed by SW1 SW2, exactly as the card answered. */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const request = new Uint8Array(apdu.length + 1);
    request[0] = LETTER_APDU;
    request.set(apdu, 1);
    const response = await this.call(request);
    if (response.length < 2) throw new CardReaderError('BAD_RESPONSE', 'card answer lacks a status word');
    return response;
  }

  dispose(): void {
    this.link.dispose();
  }

  private async call(request: Uint8Array): Promise<Uint8Array> {
    let response: Uint8Array;
    try {
      response = await this.link.request(request, ANSWER_TIMEOUT_MS);
    } catch (error) {
      throw new CardReaderError('NO_ANSWER', 'card reader did not answer', error);
    }
    const status = response[1];
    if (status === undefined) throw new CardReaderError('BAD_RESPONSE', 'card reader answer lacks a status byte');
    if (status === STATUS_NO_CARD) throw new CardReaderError('NO_CARD', 'no card in the reader');
    if (status !== STATUS_OK) throw new CardReaderError('REFUSED', `card reader refused the command with status ${status}`);
    return response.slice(2);
  }
}
