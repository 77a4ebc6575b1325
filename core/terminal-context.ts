import type { Clock } from '../platform/clock.ts';
import type { Random } from '../platform/random.ts';
import type { EscPosPrinterDriver } from '../drivers/printer/escpos-printer.ts';
import type { PinPadDriver } from '../drivers/pinpad/pinpad-driver.ts';
import type { CardReaderDriver } from '../drivers/card-reader/card-reader-driver.ts';
import type { Display, Keypad, Modem, NonVolatileStore, Screen } from './ports.ts';
import type { OperatorSeed, OperatorTable } from './operators.ts';
import type { InputQueue } from './input.ts';
import type { CardSlot } from './card-slot.ts';
import type { HostClient } from './host-client.ts';
import type { TraceCounter } from './trace.ts';
import type { TransactionJournal } from './transaction/journal.ts';
import type { ExchangeDeps } from './transaction/exchange.ts';
import type { PanVault } from './pan-vault.ts';
import type { TerminalParameters } from './terminal-parameters.ts';

export interface TerminalDevices {
  readonly display: Display;
  readonly keypad: Keypad;
  readonly modem: Modem;
  readonly flash: NonVolatileStore;
  readonly printer: Pick<EscPosPrinterDriver, 'status' | 'print' | 'selfTest'>;
  readonly pinpad: Pick<PinPadDriver, 'selfTest' | 'loadWorkingKeys' | 'getPin' | 'mac'>;
  readonly reader: Pick<CardReaderDriver, 'onEvent' | 'transmit' | 'selfTest'>;
}

/** What the terminal model gives the application to work with. */
export interface TerminalCapabilities {
  readonly contactless: boolean;
  /** A built-in pad sits under the terminal's own display; an external one is handed over. */
  readonly pinpad: 'built-in' | 'external';
  /** Characters per receipt line: 32 on 58 mm paper, 48 on 80 mm. */
  readonly receiptColumns: number;
}

export interface TerminalConfig {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly merchantName: string;
  /** Factory operator list, loaded into flash on the first power-on; a default list otherwise. */
  readonly operators?: readonly OperatorSeed[];
  /** The terminal's data key (32 bytes) in its secure memory: seals PANs kept in flash. */
  readonly dataKey: Uint8Array;
  readonly capabilities?: TerminalCapabilities;
  /** Factory response timeout; the administrator may change it (kept in flash). */
  readonly responseTimeoutMs?: number;
  /** How long a prompt waits for a person before giving up. */
  readonly promptTimeoutMs?: number;
}

/** What lasts until the power goes: the terminal is signed in to the host or not. */
export interface TerminalSession {
  hostSignedIn: boolean;
  /** The printer's near-end sensor, as last read: the cashier is warned while printing goes on. */
  paperLow: boolean;
}

/** Everything a flow (sign-in, sale, …) works with; built once per power-on. */
export interface TerminalContext {
  readonly devices: TerminalDevices;
  readonly config: TerminalConfig;
  readonly capabilities: TerminalCapabilities;
  readonly clock: Clock;
  readonly random: Random;
  readonly input: InputQueue;
  readonly slot: CardSlot;
  readonly host: HostClient;
  readonly trace: TraceCounter;
  readonly journal: TransactionJournal;
  readonly operators: OperatorTable;
  readonly parameters: TerminalParameters;
  readonly vault: PanVault;
  readonly session: TerminalSession;
  readonly responseTimeoutMs: number;
  readonly promptTimeoutMs: number;
  show(screen: Screen): void;
  /** Shows a screen that waits for any key (or the prompt timeout). */
  acknowledge(screen: Screen): Promise<void>;
  /** The financial exchange's view of this terminal. */
  exchangeDeps(): ExchangeDeps;
}
