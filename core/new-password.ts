import type { TerminalContext } from './terminal-context.ts';
import { readDigits } from './keyed-entry.ts';
import { managementScreens as ms } from './management-screens.ts';
import { PASSWORD_LENGTH } from './operators.ts';

/** A new password typed twice, shown as stars only; undefined when the two differ or the person gives up. */
export async function newPassword(ctx: TerminalContext, operator: string): Promise<string | undefined> {
  const length = { min: PASSWORD_LENGTH.min, max: PASSWORD_LENGTH.max };
  const first = await readDigits(ctx, (t) => ctx.show(ms.newPassword(operator, t.length)), length);
  if (first === undefined) return undefined;
  const second = await readDigits(ctx, (t) => ctx.show(ms.confirmPassword(operator, t.length)), length);
  if (second === undefined) return undefined;
  if (first !== second) {
    await ctx.acknowledge(ms.failed('PASSWORD NOT SET', 'ENTRIES DIFFER'));
    return undefined;
  }
  return first;
}

/**
 * Sign-in found the operator's password past its age: a new one, typed twice and different
 * from the old, before anything else. False when none was set; the operator signs in again.
 */
export async function renewExpiredPassword(ctx: TerminalContext, operator: string): Promise<boolean> {
  await ctx.acknowledge(ms.passwordExpired(operator));
  const password = await newPassword(ctx, operator);
  if (password === undefined) return false;
  const change = ctx.operators.setPassword(operator, password);
  if (change !== 'done') {
    await ctx.acknowledge(ms.failed('PASSWORD NOT SET', change === 'same-password' ? 'MUST DIFFER FROM OLD' : 'PASSWORD: 4-8 DIGITS'));
    return false;
  }
  await ctx.acknowledge(ms.done('PASSWORD CHANGED'));
  return true;
}
