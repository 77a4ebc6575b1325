import type { Clock } from '../../platform/clock.ts';
import { ignoreEvents } from '../../platform/events.ts';
import type { EventSink } from '../../platform/events.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import type { SerialDevice } from '../serial/device.ts';
import { FramedDevicePort } from '../serial/framed-device-port.ts';
import { PinEntry } from './pin-entry.ts';
import type { PinEntryOutcome } from './pin-entry.ts';

/**
 * An encrypting PIN pad behind the framed serial protocol of docs/devices.md. Its terminal
 * master key is injected at the factory; working keys arrive enciphered under it (`K`) and live
 * only in this object's memory. `P` shows a prompt and waits for the cardholder, who acts
 * through the harness methods (`pressDigits`, `pressEnter`, …); the answer carries only the
 * enciphered format-0 PIN block. Events report counts, never digits.
 */
export interface PinPadOptions {
  readonly clock: Clock;
  readonly events?: EventSink;
  readonly model?: string;
}

/** Status bytes, as docs/devices.md lists them. */
const STATUS = {
  ok: 0x00,
  kcvMismatch: 0x01,
  noKey: 0x02,
  cancelled: 0x03,
  timeout: 0x04,
  bypassed: 0x05,
  refused: 0x7f,
} as const;

const FS = 0x1c;
const WORKING_KEYS_LENGTH = 40;
const LETTER_PIN = 0x50;

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

interface PinRequest {
  readonly pan: string;
  readonly amountMinor: number;
  readonly timeoutSeconds: number;
}

function parsePinRequest(data: Uint8Array): PinRequest | undefined {
  const fields = Buffer.from(data).toString('latin1').split(String.fromCharCode(FS));
  if (fields.length !== 3) return undefined;
  const [pan, amount, timeout] = fields as [string, string, string];
  if (!/^\d{12,19}$/.test(pan) || !/^\d{1,12}$/.test(amount) || !/^\d{1,3}$/.test(timeout)) return undefined;
  const timeoutSeconds = Number(timeout);
  if (timeoutSeconds === 0) return undefined;
  return { pan, amountMinor: Number(amount), timeoutSeconds };
}

export class PinPadDevice implements SerialDevice {
  private readonly line: FramedDevicePort;
  private readonly clock: Clock;
  private readonly events: EventSink;
  private readonly model: string;
  private masterKey: Uint8Array | undefined;
  private pinKey: Uint8Array | undefined;
  private macKey: Uint8Array | undefined;
  private entry: PinEntry | undefined;

  constructor(options: PinPadOptions) {
    this.clock = options.clock;
    this.events = options.events ?? ignoreEvents;
    this.model = options.model ?? 'POSLAB-PP100';
    this.line = new FramedDevicePort({ onFrame: (payload) => this.command(payload), clock: options.clock });
  }

  connect(send: (bytes: Uint8Array) => void): void {
    this.line.connect(send);
  }

  receive(bytes: Uint8Array): void {
    this.line.receive(bytes);
  }

  /** Factory key loading; drops any working keys, which were enciphered under the old one. */
  injectMasterKey(tmk: Uint8Array): void {
    if (tmk.length !== 16) throw new RangeError('the terminal master key is a double-length TDES key (16 bytes)');
    this.masterKey = tmk.slice();
    this.pinKey = undefined;
    this.macKey = undefined;
  }

  get prompting(): boolean {
    return this.entry !== undefined;
  }

  screen(): string {
    return this.entry?.screen() ?? 'WELCOME';
  }

  pressDigits(digits: string): void {
    this.entry?.pressDigits(digits);
  }

  pressEnter(): void {
    this.entry?.pressEnter();
  }

  pressCancel(): void {
    this.entry?.pressCancel();
  }

  pressClear(): void {
    this.entry?.pressClear();
  }

  /** The pad keeps working but neither acknowledges nor answers anything. */
  setSilent(silent: boolean): void {
    this.line.setSilent(silent);
  }

  /** Every frame the pad sends leaves with a corrupt LRC. */
  setGarbling(garbling: boolean): void {
    this.line.setGarbling(garbling);
  }

  private command(payload: Uint8Array): void {
    const letter = payload[0] ?? 0;
    const data = payload.subarray(1);
    switch (String.fromCharCode(letter)) {
      case 'S':
        return this.answer(letter, STATUS.ok, ascii(this.model));
      case 'K':
        return this.answer(letter, this.loadWorkingKeys(data));
      case 'P':
        return this.startPinEntry(data);
      case 'M':
        if (!this.macKey) return this.answer(letter, STATUS.noKey);
        return this.answer(letter, STATUS.ok, [...retailMac(this.macKey, data)]);
      default:
        return this.answer(letter, STATUS.refused);
    }
  }

  private answer(letter: number, status: number, data: number[] = []): void {
    this.line.send(Uint8Array.from([letter, status, ...data]));
  }

  private loadWorkingKeys(data: Uint8Array): number {
    if (data.length !== WORKING_KEYS_LENGTH) return STATUS.refused;
    if (!this.masterKey) {
      this.events('pinpad', 'keys-refused', { reason: 'no master key' });
      return STATUS.noKey;
    }
    const pinKey = tdesDecryptEcb(this.masterKey, data.subarray(0, 16));
    const macKey = tdesDecryptEcb(this.masterKey, data.subarray(20, 36));
    if (!sameBytes(keyCheckValue(pinKey, 4), data.subarray(16, 20)) || !sameBytes(keyCheckValue(macKey, 4), data.subarray(36, 40))) {
      this.events('pinpad', 'keys-refused', { reason: 'check value mismatch' });
      return STATUS.kcvMismatch;
    }
    this.pinKey = pinKey;
    this.macKey = macKey;
    this.events('pinpad', 'keys-loaded');
    return STATUS.ok;
  }

  private startPinEntry(data: Uint8Array): void {
    const request = parsePinRequest(data);
    if (!request || this.entry) return this.answer(LETTER_PIN, STATUS.refused);
    const pinKey = this.pinKey;
    if (!pinKey) return this.answer(LETTER_PIN, STATUS.noKey);
    this.entry = new PinEntry(this.clock, request.amountMinor, request.timeoutSeconds, (outcome) => {
      this.entry = undefined;
      this.finishPinEntry(outcome, request.pan, pinKey);
    });
    this.events('pinpad', 'pin-prompt', { amountMinor: request.amountMinor });
  }

  private finishPinEntry(outcome: PinEntryOutcome, pan: string, pinKey: Uint8Array): void {
    switch (outcome.kind) {
      case 'entered':
        this.events('pinpad', 'pin-entered', { digits: outcome.pin.length });
        return this.answer(LETTER_PIN, STATUS.ok, [...encryptPinBlockFormat0(outcome.pin, pan, pinKey)]);
      case 'cancelled':
        this.events('pinpad', 'pin-cancelled');
        return this.answer(LETTER_PIN, STATUS.cancelled);
      case 'timeout':
        this.events('pinpad', 'pin-timeout');
        return this.answer(LETTER_PIN, STATUS.timeout);
      case 'bypassed':
        this.events('pinpad', 'pin-bypassed');
        return this.answer(LETTER_PIN, STATUS.bypassed);
    }
  }
}
