import { z } from 'zod';
import type { NetworkLink } from '../network/network-link.ts';
import type { ReceiptPrinter } from '../printer/receipt-printer.ts';

/** The emulated hardware a fault can act on. */
export interface FaultTargets {
  readonly network: NetworkLink;
  readonly printer: ReceiptPrinter;
}

/**
 * A fault is a small named unit, like a proxy's "toxic": a typed parameter schema and an
 * `apply` that returns its own `heal`. Scheduling (at a step, for a duration) belongs to the
 * harness; a unit only knows how to break one thing and mend it again.
 */
export interface FaultUnit<P = unknown> {
  readonly name: string;
  /** One line: what a real terminal suffers, for docs, reports and the sandbox's buttons. */
  readonly summary: string;
  readonly example: string;
  readonly params: z.ZodType<P>;
  apply(targets: FaultTargets, params: P): () => void;
}

/** Declares a unit with its parameter type inferred from the schema. */
export function defineFault<S extends z.ZodType>(unit: FaultUnit<z.infer<S>> & { params: S }): FaultUnit<z.infer<S>> {
  return unit;
}

/** Durations as scenario authors write them: `500ms`, `65s`, `2m`, `1h`. */
export const duration = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'a duration such as 500ms, 65s or 2m')
  .transform((text) => {
    const [, value, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text)!;
    const scale = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
    return Math.round(Number(value) * scale);
  });

export const count = z.coerce.number().int().positive();
