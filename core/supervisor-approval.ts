import type { TerminalContext } from './terminal-context.ts';
import { PASSWORD_LENGTH, SUPERVISOR } from './operators.ts';
import { readDigits } from './keyed-entry.ts';
import { screens } from './screens.ts';

/**
 * Voids and refunds give money back, so the supervisor types their password on the spot.
 * Wrong passwords count towards the supervisor's lock like at sign-in.
 */
export async function supervisorApproves(ctx: TerminalContext, title: string): Promise<boolean> {
  const password = await readDigits(ctx, (typed) => ctx.show(screens.supervisorPassword(title, typed.length)), {
    min: 1,
    max: PASSWORD_LENGTH.max,
  });
  if (password === undefined) return false;
  const outcome = ctx.operators.signIn(SUPERVISOR, password);
  if (outcome.kind === 'signed-in') return true;
  if (outcome.kind === 'wrong-password') await ctx.acknowledge(screens.wrongPassword(outcome.triesLeft));
  else if (outcome.kind === 'locked') await ctx.acknowledge(screens.operatorLocked());
  else await ctx.acknowledge(screens.supervisorRefused());
  return false;
}
