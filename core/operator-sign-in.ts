import type { TerminalContext } from './terminal-context.ts';
import type { OperatorRole } from './operators.ts';
import { PASSWORD_LENGTH } from './operators.ts';
import { readDigits } from './keyed-entry.ts';
import { renewExpiredPassword } from './new-password.ts';
import { readSettlementProgress } from './settlement-progress.ts';
import { reversalsOwed } from './transaction/machine.ts';
import { screens } from './screens.ts';

export interface SignedInOperator {
  readonly code: string;
  readonly role: OperatorRole;
}

/**
 * Operator sign-in (柜员签到): operator number, then password, until someone signs in. The
 * password shows as stars only; wrong ones count towards the lock, and one past its age must be
 * replaced before the operator gets in. The screen shows the modem's signal bars, and what is
 * still owed to the host (after a power cut, say) — reversals, an interrupted settlement: they
 * go out as soon as a cashier signs in.
 */
export async function operatorSignIn(ctx: TerminalContext): Promise<SignedInOperator> {
  for (;;) {
    ctx.input.clear();
    const unfinished = {
      reversals: reversalsOwed(ctx.journal.records()).length,
      settlement: readSettlementProgress(ctx.devices.flash) !== undefined,
    };
    const code = await readDigits(ctx, (typed) => ctx.show(screens.operatorCode(typed, ctx.devices.modem.signal(), unfinished)), {
      min: 1,
      max: 2,
    });
    if (code === undefined) continue;
    const operator = code.padStart(2, '0');
    const password = await readDigits(ctx, (typed) => ctx.show(screens.password(operator, typed.length)), {
      min: 1,
      max: PASSWORD_LENGTH.max,
    });
    if (password === undefined) continue;

    const outcome = ctx.operators.signIn(operator, password, ctx.parameters.values.passwordMaxAgeDays);
    switch (outcome.kind) {
      case 'signed-in':
        if (!outcome.passwordExpired || (await renewExpiredPassword(ctx, operator))) return { code: operator, role: outcome.role };
        break;
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
