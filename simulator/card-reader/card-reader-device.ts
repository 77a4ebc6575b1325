import type { Clock } from '../../platform/clock.ts';
import { ignoreEvents } from '../../platform/events.ts';
import type { EventSink } from '../../platform/events.ts';
import type { SerialDevice } from '../serial/device.ts';
import { FramedDevicePort } from '../serial/framed-device-port.ts';
import { maskPan } from '../../protocol/iso8583/describe.ts';
import { track2Of, track3Of } from './card-image.ts';
import type { CardImage } from './card-image.ts';
import { ChipSession } from './chip-card.ts';
import type { ChipCardImage } from './chip-card.ts';

/**
 * A hybrid reader: magnetic stripe, contact chip slot and contactless field, behind the framed
 * serial protocol of docs/devices.md. The harness acts on it like a person (swipe, insert, tap,
 * remove); the reader reports each as an unsolicited `E` frame and relays the terminal's `A`
 * commands to whichever chip is powered.
 *
 * Pass the terminal's clock so that an unacknowledged event is retried on its 500 ms ACK
 * deadline; without one, events leave at once and only a NAK makes the reader repeat one.
 */
export interface CardReaderOptions {
  readonly events?: EventSink;
  readonly clock?: Clock;
  readonly model?: string;
}

const FS = 0x1c;
/** T=0, no interface bytes but TB1/TC1 zero, five historical bytes "POSLB". */
const ATR = Uint8Array.of(0x3b, 0x65, 0x00, 0x00, 0x50, 0x4f, 0x53, 0x4c, 0x42);

const STATUS_OK = 0x00;
const STATUS_NO_CARD = 0x06;
const STATUS_UNKNOWN_COMMAND = 0x7f;

interface PresentCard {
  readonly card: CardImage;
  readonly via: 'slot' | 'field';
  readonly session: ChipSession | undefined;
}

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const hex = (bytes: ArrayLike<number>): string => Buffer.from(Uint8Array.from(bytes)).toString('hex').toUpperCase();

export class CardReaderDevice implements SerialDevice {
  private readonly line: FramedDevicePort;
  private readonly events: EventSink;
  private readonly model: string;
  private readonly counters = new Map<string, number>();
  private present: PresentCard | undefined;

  constructor(options: CardReaderOptions = {}) {
    this.events = options.events ?? ignoreEvents;
    this.model = options.model ?? 'POSLAB-CR200';
    this.line = new FramedDevicePort({
      onFrame: (payload) => this.command(payload),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  get cardPresent(): boolean {
    return this.present !== undefined;
  }

  connect(send: (bytes: Uint8Array) => void): void {
    this.line.connect(send);
  }

  receive(bytes: Uint8Array): void {
    this.line.receive(bytes);
  }

  swipe(card: CardImage, options: { bad?: boolean } = {}): void {
    if (options.bad) {
      this.events('card-reader', 'bad-swipe');
      this.event('B');
      return;
    }
    this.events('card-reader', 'swipe', { pan: maskPan(card.pan) });
    this.event('S', [...ascii(track2Of(card)), FS, ...ascii(track3Of(card))]);
  }

  insert(card: CardImage, options: { chipDead?: boolean } = {}): void {
    this.ensureEmpty(card, 'slot');
    if (options.chipDead || !card.chip) {
      this.present = { card, via: 'slot', session: undefined };
      this.events('card-reader', 'chip-failed', { pan: maskPan(card.pan) });
      this.event('F');
      return;
    }
    this.present = { card, via: 'slot', session: this.powerUp(card as ChipCardImage) };
    this.events('card-reader', 'insert', { pan: maskPan(card.pan) });
    this.event('I', [...ATR]);
  }

  /** A card without a contactless chip makes no impression on the field. */
  tap(card: CardImage): void {
    if (!card.contactless || !card.chip) {
      this.events('card-reader', 'tap-ignored', { pan: maskPan(card.pan) });
      return;
    }
    this.ensureEmpty(card, 'field');
    this.present = { card, via: 'field', session: this.powerUp(card as ChipCardImage) };
    this.events('card-reader', 'tap', { pan: maskPan(card.pan) });
    this.event('T');
  }

  remove(): void {
    const present = this.present;
    if (!present) return;
    this.present = undefined;
    this.events('card-reader', 'removed', { pan: maskPan(present.card.pan) });
    this.event('R');
  }

  /** The reader stops answering and ignores the line, as if it hung. */
  setSilent(silent: boolean): void {
    this.line.setSilent(silent);
  }

  setGarbling(garbling: boolean): void {
    this.line.setGarbling(garbling);
  }

  private ensureEmpty(card: CardImage, via: 'slot' | 'field'): void {
    if (this.present) throw new Error(`a card is already in the ${this.present.via}; remove it before presenting ${maskPan(card.pan)} (${via})`);
  }

  private powerUp(card: ChipCardImage): ChipSession {
    return new ChipSession(card, this.counters.get(card.id) ?? card.chip.atc ?? 0);
  }

  private event(kind: string, data: number[] = []): void {
    this.line.send(Uint8Array.from([0x45, kind.charCodeAt(0), ...data]));
  }

  private command(payload: Uint8Array): void {
    const letter = payload[0] ?? 0;
    switch (String.fromCharCode(letter)) {
      case 'S':
        this.line.send(Uint8Array.from([letter, STATUS_OK, ...ascii(this.model)]));
        return;
      case 'A':
        this.apdu(payload.subarray(1));
        return;
      default:
        this.line.send(Uint8Array.of(letter, STATUS_UNKNOWN_COMMAND));
    }
  }

  private apdu(command: Uint8Array): void {
    const present = this.present;
    if (!present?.session) {
      this.events('card-reader', 'apdu-no-card');
      this.line.send(Uint8Array.of(0x41, STATUS_NO_CARD));
      return;
    }
    const response = present.session.transmit(command);
    this.counters.set(present.card.id, present.session.atc);
    this.events('card-reader', 'apdu', { ins: hex(command.subarray(1, 2)), sw: hex(response.subarray(-2)) });
    this.line.send(Uint8Array.from([0x41, STATUS_OK, ...response]));
  }
}
