import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { confirm } from '../keyed-entry.ts';
import { screens } from '../screens.ts';
import { saveSettlementProgress } from '../settlement-progress.ts';
import { batchTotals } from '../transaction/totals.ts';
import { runSettlement } from './settlement-run.ts';
import { offlineScreens } from '../offline-screens.ts';
import { advicesOwed } from '../transaction/machine.ts';

/**
 * Settlement (结算, 0500): the terminal's own totals of the open batch go to the host; when
 * the host's totals differ it uploads the batch (0320…207) and the host closes it from that
 * list. The new open batch comes in 60.2 of the 0510 when balanced, of the 207's answer when
 * not. Then the report is printed, the journal starts the new batch the host named, and the
 * terminal signs out of the host. Reversals owed go out first (their last try: see
 * transaction/machine.ts), and every offline sale's advice must have been taken: the totals
 * count them, so the host must know them. From the confirmation on, its progress is in flash,
 * so a power cut mid-way is finished after power-on (settlement-run.ts).
 */
export async function settle(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const advices = advicesOwed(ctx.journal.records()).length;
  if (advices > 0) return ctx.acknowledge(offlineScreens.advicesPending(advices, !ctx.host.online));
  const batch = ctx.trace.batch();
  const totals = batchTotals(ctx.journal.records(), batch);
  ctx.show(screens.settlementTotals(totals.debitCount, totals.debitMinor, totals.creditCount, totals.creditMinor));
  if (!(await confirm(ctx))) return;
  const progress = { batch, operator, totals, stage: 'totals' } as const;
  saveSettlementProgress(ctx.devices.flash, progress);
  await runSettlement(ctx, progress, true);
}
