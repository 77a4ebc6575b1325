import { z } from 'zod';

/**
 * Scalar types of the scenario language. Files are parsed with YAML's failsafe schema, so
 * every scalar arrives as the exact text the author wrote: `0000` stays a password, `128.50`
 * becomes 12850 fen without passing through a float.
 */
import { patternOr } from '../../simulator/faults/params.ts';

export { amount, oneOrMany } from '../../simulator/faults/params.ts';

export const digits = (min: number, max: number, what: string) =>
  z.string().regex(new RegExp(`^\\d{${min},${max}}$`), `${what}: ${min}–${max} digits`);

export const flag = z.enum(['true', 'false']).transform((text) => text === 'true');

export const count = z.string().regex(/^\d+$/, 'a whole number').transform(Number);

export { duration } from '../../simulator/faults/params.ts';

/** `/pattern/flags` is a regular expression; anything else is a case-insensitive substring. */
export const textMatch = patternOr((text) => (value) => value.toLowerCase().includes(text.toLowerCase()));
export type TextMatch = z.output<typeof textMatch>;

