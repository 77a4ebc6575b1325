import type { Clock } from '../platform/clock.ts';
import type { Random } from '../platform/random.ts';
import type { EscPosPrinterDriver } from '../drivers/printer/escpos-printer.ts';
import type { PinPadDriver } from '../drivers/pinpad/pinpad-driver.ts';
import type { CardReaderDriver } from '../drivers/card-reader/card-reader-driver.ts';
import type { Display, Keypad, Modem, NonVolatileStore, Screen } from './ports.ts';
import type { OperatorSeed, OperatorTable } from './operators.ts';
import type { InputQueue } from './input.ts';
import type { HostClient } from './host-client.ts';
import type { TraceCounter } from './trace.ts';
import type { TerminalJournal } from './journal.ts';

export interface TerminalDevices {
  readonly display: Display;
  readonly keypad: Keypad;
  readonly modem: Modem;
  readonly flash: NonVolatileStore;
  readonly printer: Pick<EscPosPrinterDriver, 'status' | 'print' | 'selfTest'>;
  readonly pinpad: Pick<PinPadDriver, 'selfTest' | 'loadWorkingKeys' | 'getPin' | 'mac'>;
  readonly reader: Pick<CardReaderDriver, 'onEvent' | 'transmit' | 'selfTest'>;
}

export interface TerminalConfig {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly merchantName: string;
  /** Factory operator list, loaded into flash on the first power-on. */
  readonly operators: readonly OperatorSeed[];
  readonly responseTimeoutMs?: number;
  /** How long a prompt waits for a person before giving up. */
  readonly promptTimeoutMs?: number;
}

/** Everything a flow (sign-in, sale, …) works with; built once per power-on. */
export interface TerminalContext {
  readonly devices: TerminalDevices;
  readonly config: TerminalConfig;
  readonly clock: Clock;
  readonly random: Random;
  readonly input: InputQueue;
  readonly host: HostClient;
  readonly trace: TraceCounter;
  readonly journal: TerminalJournal;
  readonly operators: OperatorTable;
  readonly responseTimeoutMs: number;
  readonly promptTimeoutMs: number;
  show(screen: Screen): void;
  /** Shows a screen that waits for any key (or the prompt timeout). */
  acknowledge(screen: Screen): Promise<void>;
}
