import type { TerminalContext } from '../terminal-context.ts';
import { confirm, readDigits } from '../keyed-entry.ts';
import { hostSignOut } from '../host-sign-out.ts';
import { managementScreens as ms } from '../management-screens.ts';
import { ADMINISTRATOR, type OperatorChange } from '../operators.ts';
import { newPassword } from '../new-password.ts';
import { screens } from '../screens.ts';

const REFUSALS: Readonly<Record<Exclude<OperatorChange, 'done'>, string>> = {
  unknown: 'NO SUCH OPERATOR',
  exists: 'ALREADY EXISTS',
  'not-allowed': 'NOT ALLOWED',
  'bad-password': 'PASSWORD: 4-8 DIGITS',
  'same-password': 'MUST DIFFER FROM OLD',
};

async function report(ctx: TerminalContext, title: string, change: OperatorChange): Promise<void> {
  await ctx.acknowledge(change === 'done' ? ms.done(title) : ms.failed(title, REFUSALS[change]));
}

async function operatorNumber(ctx: TerminalContext, title: string): Promise<string | undefined> {
  const typed = await readDigits(ctx, (t) => ctx.show(ms.operatorNumber(title, t)), { min: 1, max: 2 });
  return typed?.padStart(2, '0');
}

/**
 * The supervisor's menu (主管): no transactions — operators are added, removed, given new
 * passwords and unlocked here (the supervisor's own password too, never the administrator's),
 * and the host sign-out lives here too.
 */
export async function supervisorMenu(ctx: TerminalContext): Promise<void> {
  for (;;) {
    ctx.input.clear();
    ctx.show(ms.supervisorMenu());
    const key = await ctx.input.nextKey();
    if (key === '9') return;
    if (key === '1') {
      const code = await operatorNumber(ctx, 'ADD OPERATOR');
      const password = code === undefined ? undefined : await newPassword(ctx, code);
      if (code !== undefined && password !== undefined) await report(ctx, `OPERATOR ${code} ADDED`, ctx.operators.add(code, password));
    } else if (key === '2') {
      const code = await operatorNumber(ctx, 'REMOVE OPERATOR');
      if (code === undefined) continue;
      ctx.show(ms.confirmRemove(code));
      if (await confirm(ctx)) await report(ctx, `OPERATOR ${code} REMOVED`, ctx.operators.remove(code));
    } else if (key === '3') {
      const code = await operatorNumber(ctx, 'CHANGE PASSWORD');
      if (code === ADMINISTRATOR) await report(ctx, 'PASSWORD NOT CHANGED', 'not-allowed');
      const password = code === undefined || code === ADMINISTRATOR ? undefined : await newPassword(ctx, code);
      if (code !== undefined && password !== undefined) await report(ctx, 'PASSWORD CHANGED', ctx.operators.setPassword(code, password));
    } else if (key === '4') {
      const code = await operatorNumber(ctx, 'UNLOCK OPERATOR');
      if (code !== undefined) {
        await report(ctx, `OPERATOR ${code} UNLOCKED`, code === ADMINISTRATOR ? 'not-allowed' : ctx.operators.unlock(code));
      }
    } else if (key === '5') {
      const failure = await hostSignOut(ctx);
      await ctx.acknowledge(failure === undefined ? screens.hostSignedOut() : screens.hostSignOutFailed(failure));
    }
  }
}
