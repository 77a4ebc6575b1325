import { blocksNewBusiness, reversalsOwed } from './machine.ts';
import { sendReversal, type ExchangeDeps } from './exchange.ts';

export interface FlushResult {
  /** A reversal still blocks new financial business. */
  readonly blocked: boolean;
  /** At least one owed reversal could not even leave (link down). */
  readonly linkDown: boolean;
  readonly reversed: number;
}

/**
 * Store-and-forward of reversals: before any new financial request (and before settlement),
 * each reversal owed — including those held after too many tries — gets one more try, oldest
 * first. They live in flash, so they survive power cuts and go out after the next sign-in.
 */
export async function flushReversals(deps: ExchangeDeps): Promise<FlushResult> {
  let linkDown = false;
  let reversed = 0;
  for (const record of reversalsOwed(deps.journal.records())) {
    const result = await sendReversal(deps, record);
    if (result === 'reversed') reversed += 1;
    if (result === 'not-sent') {
      linkDown = true;
      break;
    }
  }
  return { blocked: blocksNewBusiness(deps.journal.records()), linkDown, reversed };
}
