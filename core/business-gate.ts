import type { TerminalContext } from './terminal-context.ts';
import { hostSignIn } from './host-sign-in.ts';
import { reversalsOwed } from './transaction/machine.ts';
import { flushReversals } from './transaction/reversals-owed.ts';
import { readSettlementProgress } from './settlement-progress.ts';
import { runSettlement } from './flows/settlement-run.ts';
import { forwardAdvices } from './offline-advice.ts';
import { offlineScreens } from './offline-screens.ts';
import { advicesOwed } from './transaction/machine.ts';
import { screens } from './screens.ts';

/**
 * The door every host transaction goes through: the modem hears a carrier (at 0 bars the link
 * may look up, but nothing should start that might not finish), the terminal is signed in to
 * the host (it signs in again after a settlement or power cut), every reversal owed has had
 * its try, every offline sale's advice owed has had its try (one not taken does not block: the
 * counter may go on, offline too), and a settlement a power cut interrupted is finished — then
 * the terminal signs in afresh for the new batch. False, with the reason on screen, when the counter must wait.
 */
export async function readyForBusiness(ctx: TerminalContext, operator: string): Promise<boolean> {
  if (ctx.devices.modem.signal() === 0) {
    await ctx.acknowledge(screens.noSignal());
    return false;
  }
  if (!ctx.session.hostSignedIn) {
    ctx.session.hostSignedIn = await hostSignIn(ctx, operator);
    if (!ctx.session.hostSignedIn) return false;
  }
  const owed = reversalsOwed(ctx.journal.records()).length;
  if (owed > 0) {
    ctx.show(screens.sendingReversals(owed));
    const result = await flushReversals(ctx.exchangeDeps());
    if (result.blocked) {
      await ctx.acknowledge(screens.reversalsPending(result.linkDown));
      return false;
    }
  }
  const advices = advicesOwed(ctx.journal.records()).length;
  if (advices > 0) {
    ctx.show(offlineScreens.sendingAdvices(advices));
    await forwardAdvices(ctx.exchangeDeps());
  }
  const interrupted = readSettlementProgress(ctx.devices.flash);
  if (interrupted === undefined) return true;
  if (!(await runSettlement(ctx, interrupted, false))) return false;
  return readyForBusiness(ctx, operator);
}
