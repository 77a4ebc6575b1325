import type { TerminalContext } from '../terminal-context.ts';
import { echoTest } from '../echo-test.ts';
import { readDigits } from '../keyed-entry.ts';
import { managementScreens as ms } from '../management-screens.ts';
import { SUPERVISOR } from '../operators.ts';

/** Asks for a number and stores it with `set`; says whether the terminal took it. */
async function setParameter(
  ctx: TerminalContext,
  prompt: (typed: string) => void,
  set: (value: number) => boolean,
  saved: (value: number) => string,
  refused: readonly [string, string],
  maxDigits = 3,
): Promise<void> {
  const typed = await readDigits(ctx, prompt, { min: 1, max: maxDigits });
  if (typed === undefined) return;
  const value = Number(typed);
  await ctx.acknowledge(set(value) ? ms.done(saved(value)) : ms.failed(...refused));
}

/**
 * The administrator's menu (系统管理员): terminal parameters (response timeout, how many days
 * a password lasts, the floor limit for offline chip sales), the echo test, and the one key
 * that opens a locked supervisor. No
 * transactions, no cashier management.
 */
export async function administratorMenu(ctx: TerminalContext): Promise<void> {
  for (;;) {
    ctx.input.clear();
    const { responseTimeoutSeconds, passwordMaxAgeDays } = ctx.parameters.values;
    ctx.show(ms.administratorMenu(responseTimeoutSeconds, passwordMaxAgeDays));
    const key = await ctx.input.nextKey();
    if (key === '9') return;
    if (key === '1') {
      await setParameter(
        ctx,
        (t) => ctx.show(ms.responseTimeout(t)),
        (seconds) => ctx.parameters.setResponseTimeout(seconds),
        (seconds) => `TIMEOUT ${seconds}S SAVED`,
        ['TIMEOUT NOT SAVED', 'ALLOWED: 10-120 S'],
      );
    } else if (key === '2') {
      ctx.operators.unlock(SUPERVISOR);
      await ctx.acknowledge(ms.done('SUPERVISOR UNLOCKED'));
    } else if (key === '4') {
      await echoTest(ctx);
    } else if (key === '5') {
      await setParameter(
        ctx,
        (t) => ctx.show(ms.passwordAge(t)),
        (days) => ctx.parameters.setPasswordMaxAge(days),
        (days) => `PWD AGE ${days}D SAVED`,
        ['AGE NOT SAVED', 'ALLOWED: 1-365 DAYS'],
      );
    } else if (key === '6') {
      const currentYuan = ctx.parameters.values.floorLimitMinor / 100;
      await setParameter(
        ctx,
        (t) => ctx.show(ms.floorLimit(currentYuan, t)),
        (yuan) => ctx.parameters.setFloorLimit(yuan),
        (yuan) => (yuan === 0 ? 'OFFLINE SALES OFF' : `FLOOR RMB ${yuan} SAVED`),
        ['FLOOR NOT SAVED', 'ALLOWED: 0-9999'],
        4,
      );
    }
  }
}
