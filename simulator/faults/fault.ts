import type { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Random } from '../../platform/random.ts';
import type { CardReaderDevice } from '../card-reader/card-reader-device.ts';
import type { NetworkLink } from '../network/network-link.ts';
import type { PinPadDevice } from '../pinpad/pinpad-device.ts';
import type { ReceiptPrinter } from '../printer/receipt-printer.ts';
import type { Mishaps } from './mishaps.ts';

// Kept where the sandbox server first found them.
export { count, duration } from './params.ts';

/** The acquirer's process, as a fault may treat it. */
export interface HostControl {
  /** The process dies and a new one starts on the same database. */
  restart(): void;
}

/**
 * The terminal's parameters as someone with the maintenance password may set them. A
 * re-programmed ("jump code") terminal keeps its keys, so what it sends still carries a good MAC.
 */
export interface TerminalControl {
  /**
   * From now on the terminal names `merchantId` in field 42: a merchant the acquirer knows,
   * with category `mcc`. Returns the way back to its own merchant.
   */
  rebind(merchantId: string, mcc: string): () => void;
}

/** Everything a fault can act on: the emulated hardware, the host's process, the people at the counter. */
export interface FaultTargets {
  readonly network: NetworkLink;
  readonly terminal: TerminalControl;
  readonly printer: ReceiptPrinter;
  readonly pinpad: PinPadDevice;
  readonly reader: CardReaderDevice;
  readonly host: HostControl;
  readonly mishaps: Mishaps;
  readonly clock: Clock;
  /** The faults' own seeded stream: jitter and bit flips replay from the run's seed. */
  readonly random: Random;
}

/**
 * A fault is a small named unit, like a proxy's "toxic": a typed parameter schema and an
 * `apply` that returns its own `heal`. Scheduling (at a step, after a time, on a message, for
 * a duration) belongs to the harness; a unit only knows how to break one thing and mend it.
 * `heal` must be idempotent-safe to call once and must never drop data already in flight.
 */
export interface FaultUnit<P = unknown> {
  readonly name: string;
  /** One line: what a real terminal suffers, for docs, reports and the sandbox's buttons. */
  readonly summary: string;
  /** A scenario step using it, as it would appear in a `steps:` list. */
  readonly example: string;
  readonly params: z.ZodType<P>;
  apply(targets: FaultTargets, params: P): () => void;
}

/** Declares a unit with its parameter type inferred from the schema. */
export function defineFault<S extends z.ZodType>(unit: FaultUnit<z.infer<S>> & { params: S }): FaultUnit<z.infer<S>> {
  return unit;
}

/** Runs each heal once, in reverse order of the breaks they mend. */
export function healAll(...heals: (() => void)[]): () => void {
  return () => {
    for (const heal of heals.reverse()) heal();
  };
}
