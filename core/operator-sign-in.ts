import type { TerminalContext } from './terminal-context.ts';
import type { OperatorRole } from './operators.ts';
import { PASSWORD_LENGTH } from './operators.ts';
import { readDigits } from './keyed-entry.ts';
import { screens } from './screens.ts';

export interface SignedInOperator {
  readonly code: string;
  readonly role: OperatorRole;
}

/**
 * Operator sign-in (柜员签到): operator number, then password, until someone signs in. The
 * password shows as stars only; wrong ones count towards the lock. Reversals still owed (after
 * a power cut, say) are announced here: they go out as soon as a cashier signs in.
 */
export async function operatorSignIn(ctx: TerminalContext, reversalsOwed: number): Promise<SignedInOperator> {
  for (;;) {
    ctx.input.clear();
    const code = await readDigits(ctx, (typed) => ctx.show(screens.operatorCode(typed, reversalsOwed)), { min: 1, max: 2 });
    if (code === undefined) continue;
    const operator = code.padStart(2, '0');
    const password = await readDigits(ctx, (typed) => ctx.show(screens.password(operator, typed.length)), {
      min: 1,
      max: PASSWORD_LENGTH.max,
    });
    if (password === undefined) continue;

    const outcome = ctx.operators.signIn(operator, password);
    switch (outcome.kind) {
      case 'signed-in':
        return { code: operator, role: outcome.role };
      case 'unknown':
        await ctx.acknowledge(screens.unknownOperator());
        break;
      case 'wrong-password':
        await ctx.acknowledge(screens.wrongPassword(outcome.triesLeft));
        break;
      case 'locked':
        await ctx.acknowledge(screens.operatorLocked());
        break;
    }
  }
}
