import type { TerminalContext } from '../terminal-context.ts';
import { readDigits } from '../keyed-entry.ts';
import { managementScreens as ms } from '../management-screens.ts';
import { SUPERVISOR } from '../operators.ts';

/**
 * The administrator's menu (系统管理员): terminal parameters, and the one key that opens a
 * locked supervisor. No transactions, no cashier management.
 */
export async function administratorMenu(ctx: TerminalContext): Promise<void> {
  for (;;) {
    ctx.input.clear();
    ctx.show(ms.administratorMenu(ctx.parameters.values.responseTimeoutSeconds));
    const key = await ctx.input.nextKey();
    if (key === '9') return;
    if (key === '1') {
      const typed = await readDigits(ctx, (t) => ctx.show(ms.responseTimeout(t)), { min: 1, max: 3 });
      if (typed === undefined) continue;
      const ok = ctx.parameters.setResponseTimeout(Number(typed));
      await ctx.acknowledge(ok ? ms.done(`TIMEOUT ${Number(typed)}S SAVED`) : ms.failed('TIMEOUT NOT SAVED', 'ALLOWED: 10-120 S'));
    } else if (key === '2') {
      ctx.operators.unlock(SUPERVISOR);
      await ctx.acknowledge(ms.done('SUPERVISOR UNLOCKED'));
    }
  }
}
