import type { ByteLink } from '../platform/byte-link.ts';

/**
 * What the POS application needs from the hardware around it. Drivers (and, in simulation,
 * the emulated keypad, display and modem) satisfy these structurally; core never learns
 * which one it got.
 */
export type Key =
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
  | 'ENTER' | 'CANCEL' | 'CLEAR' | 'FUNC' | 'UP' | 'DOWN';

export const KEYS: readonly Key[] = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'ENTER', 'CANCEL', 'CLEAR', 'FUNC', 'UP', 'DOWN',
];

/**
 * One screenful. `awaiting` tells whether the terminal is now waiting for a person (a key,
 * a card, a PIN) or working on its own; a test driver advances time only through the latter.
 */
export interface Screen {
  readonly lines: readonly string[];
  readonly awaiting: 'person' | 'nothing';
}

export interface Display {
  show(screen: Screen): void;
}

export interface Keypad {
  onKey(listener: (key: Key) => void): () => void;
}

/** The network module: the byte link to the acquirer, where the terminal is, how well it hears. */
export interface Modem {
  readonly link: ByteLink;
  /** Location as the modem reports it, e.g. `region=310000;cell=4604A1`. */
  location(): string;
  /** Signal strength in bars, 0–4. At 0 the link may still say up, but the carrier is too weak to trust. */
  signal(): number;
}

/**
 * Flash memory that survives a power cut. Values are strings the core serialises itself;
 * nothing written here may hold a clear PAN, track, PIN block or key.
 */
export interface NonVolatileStore {
  read(key: string): string | undefined;
  write(key: string, value: string): void;
}
