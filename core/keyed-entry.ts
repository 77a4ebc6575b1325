import type { TerminalContext } from './terminal-context.ts';
import { shiftInDigit } from './money.ts';

/**
 * Keypad entry as a cashier does it: digits, CLEAR erases one, ENTER accepts, CANCEL (on an
 * empty field) gives up. Every read has the prompt timeout: a walked-away cashier never
 * leaves the terminal waiting forever. `undefined` means cancelled or timed out.
 */
export async function readDigits(
  ctx: TerminalContext,
  render: (typed: string) => void,
  length: { min: number; max: number },
): Promise<string | undefined> {
  let typed = '';
  for (;;) {
    render(typed);
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined) return undefined;
    if (key === 'CANCEL') {
      if (typed === '') return undefined;
      typed = '';
    } else if (key === 'ENTER') {
      if (typed.length >= length.min) return typed;
    } else if (key === 'CLEAR') {
      typed = typed.slice(0, -1);
    } else if (/^[0-9]$/.test(key) && typed.length < length.max) {
      typed += key;
    }
  }
}

/** An amount keyed in fen, digits shifting in from the right; never zero. */
export async function readAmount(ctx: TerminalContext, render: (minor: number) => void): Promise<number | undefined> {
  let minor = 0;
  for (;;) {
    render(minor);
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined || key === 'CANCEL') return undefined;
    if (key === 'ENTER' && minor > 0) return minor;
    if (key === 'CLEAR') minor = Math.floor(minor / 10);
    else if (/^[0-9]$/.test(key)) minor = shiftInDigit(minor, Number(key));
  }
}

/** ENTER confirms; CANCEL or the timeout declines; other keys are ignored. */
export async function confirm(ctx: TerminalContext): Promise<boolean> {
  for (;;) {
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === 'ENTER') return true;
    if (key === undefined || key === 'CANCEL') return false;
  }
}
