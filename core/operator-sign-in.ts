import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';

const CODE_LENGTH = 2;
const MAX_PASSWORD_LENGTH = 8;

/** Reads digits for a field until ENTER; CLEAR erases one digit. Undefined on timeout. */
async function readDigits(
  ctx: TerminalContext,
  render: (typed: string) => void,
  maxLength: number,
): Promise<string | undefined> {
  let typed = '';
  for (;;) {
    render(typed);
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined) return undefined;
    if (key === 'ENTER' && typed.length > 0) return typed;
    if (key === 'CLEAR' || key === 'CANCEL') typed = typed.slice(0, -1);
    else if (/^[0-9]$/.test(key) && typed.length < maxLength) typed += key;
  }
}

/**
 * Operator sign-in (柜员签到): operator number, then password, until someone signs in.
 * Returns the operator code of a cashier; the supervisor may sign in but cannot sell, so
 * in this skeleton the terminal tells them and asks again.
 */
export async function operatorSignIn(ctx: TerminalContext): Promise<string> {
  for (;;) {
    ctx.input.clear();
    const code = await readDigits(ctx, (typed) => ctx.show(screens.operatorCode(typed)), CODE_LENGTH);
    if (code === undefined) continue;
    const operator = code.padStart(CODE_LENGTH, '0');
    const password = await readDigits(ctx, (typed) => ctx.show(screens.password(operator, typed.length)), MAX_PASSWORD_LENGTH);
    if (password === undefined) continue;

    const outcome = ctx.operators.signIn(operator, password);
    switch (outcome.kind) {
      case 'signed-in':
        if (outcome.role === 'operator') return operator;
        await ctx.acknowledge(screens.supervisorCannotSell());
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
