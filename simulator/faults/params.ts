import { z } from 'zod';

/**
 * Parameter types shared by fault units and the scenario language. Scenario files are read
 * with YAML's failsafe schema, so every scalar arrives as the text the author wrote; these
 * types turn that text into values and say exactly how to fix text they cannot read.
 */

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const SCALE = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const UNIT_WORDS: Record<string, keyof typeof SCALE> = {
  millisecond: 'ms', milliseconds: 'ms', msec: 'ms', msecs: 'ms',
  sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  day: 'd', days: 'd',
};

/** Why `text` is not a duration, with the spelling that would be. */
export function durationProblem(text: string): string | undefined {
  if (DURATION.test(text)) return undefined;
  const loose = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (loose) {
    const [, value, word = ''] = loose;
    const unit = word === '' ? undefined : (UNIT_WORDS[word.toLowerCase()] ?? (word.toLowerCase() in SCALE ? (word.toLowerCase() as keyof typeof SCALE) : undefined));
    if (word === '') return `\`${text}\` needs a unit: write \`${value}s\` or \`${value}ms\``;
    if (unit) return `write \`${value}${unit}\` for a duration`;
  }
  return `\`${text}\` is not a duration: write a number and a unit, such as 500ms, 65s or 2m`;
}

/** Durations as scenario authors write them: `500ms`, `65s`, `2m`, `1h`, `91d`; in milliseconds. */
export const duration = z
  .string()
  .superRefine((text, ctx) => {
    const problem = durationProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => {
    const [, value, unit] = DURATION.exec(text)!;
    return Math.round(Number(value) * SCALE[unit as keyof typeof SCALE]);
  })
  .describe('a duration such as 500ms, 65s or 2m');

export const count = z.coerce.number().int().positive();

export const byteCount = z.coerce.number().int().nonnegative();

/** A share between 0 and 1, such as 0.01. */
export const probability = z.coerce.number().min(0).max(1);

/** Yuan as written (`128.50`), in fen, without passing through a float. */
export const amount = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount in yuan such as 128.50')
  .transform((text) => {
    const [yuan, fen = ''] = text.split('.');
    return Number(yuan) * 100 + Number(fen.padEnd(2, '0'));
  });

export const mti = z.string().regex(/^\d{4}$/, 'an MTI such as 0200');

/** Which way data flows; `both` puts the fault on each direction. */
export const direction = z.enum(['to-host', 'to-terminal', 'both']);
export type DirectionParam = z.output<typeof direction>;

/**
 * Text written as `/pattern/flags` is a regular expression; anything else is compared with
 * `plain`. Scenario checks and message filters differ only in that fallback.
 */
export const patternOr = (plain: (text: string) => (value: string) => boolean) =>
  z.string().transform((text, ctx) => {
    const regex = /^\/(.*)\/([a-z]*)$/s.exec(text);
    if (!regex) return { source: text, test: plain(text) };
    try {
      const pattern = new RegExp(regex[1]!, regex[2]);
      return { source: text, test: (value: string) => pattern.test(value) };
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

/** `/pattern/flags`, or a value that must be equal exactly. */
export const exactOrPattern = patternOr((text) => (value) => value === text);

export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);
