import type { TerminalContext } from './terminal-context.ts';
import { hostSignIn } from './host-sign-in.ts';
import { reversalsOwed } from './transaction/machine.ts';
import { flushReversals } from './transaction/reversals-owed.ts';
import { screens } from './screens.ts';

/**
 * The door every host transaction goes through: the terminal is signed in to the host (it
 * signs in again after a settlement or power cut), and every reversal owed has had its try
 * before a new request may leave. False, with the reason on screen, when the counter must wait.
 */
export async function readyForBusiness(ctx: TerminalContext, operator: string): Promise<boolean> {
  if (!ctx.session.hostSignedIn) {
    ctx.session.hostSignedIn = await hostSignIn(ctx, operator);
    if (!ctx.session.hostSignedIn) return false;
  }
  const owed = reversalsOwed(ctx.journal.records()).length;
  if (owed === 0) return true;
  ctx.show(screens.sendingReversals(owed));
  const result = await flushReversals(ctx.exchangeDeps());
  if (!result.blocked) return true;
  await ctx.acknowledge(screens.reversalsPending(result.linkDown));
  return false;
}
