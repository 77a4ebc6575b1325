import type { TerminalContext } from '../terminal-context.ts';
import { readDigits } from '../keyed-entry.ts';
import { lastSlip } from '../last-receipt.ts';
import { printReceipt } from '../receipt-printing.ts';
import { slipOf, transactionReceipt, type TransactionSlip } from '../receipt.ts';
import { screens } from '../screens.ts';
import { isHandedOver } from '../transaction/record.ts';

/**
 * Reprint (重打印): the last slip, or any completed (or offline) transaction of the open batch by trace
 * number. One merchant copy marked REPRINT; nothing goes to the host, so a reprint can never
 * become a second transaction.
 */
export async function reprint(ctx: TerminalContext): Promise<void> {
  ctx.show(screens.reprintMenu());
  let slip: TransactionSlip | undefined;
  for (;;) {
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined || key === 'CANCEL') return;
    if (key === '1') {
      slip = lastSlip(ctx.devices.flash);
      break;
    }
    if (key === '2') {
      const typed = await readDigits(ctx, (t) => ctx.show(screens.reprintTrace(t)), { min: 1, max: 6 });
      if (typed === undefined) return;
      const record = ctx.journal.find(ctx.trace.batch(), typed.padStart(6, '0'));
      slip = record && isHandedOver(record) ? slipOf(record, ctx.config) : undefined;
      break;
    }
  }
  if (!slip) return ctx.acknowledge(screens.nothingToReprint());
  ctx.show(screens.printing());
  const result = await printReceipt(ctx, () => transactionReceipt(slip, 'merchant', { columns: ctx.capabilities.receiptColumns, reprint: true }));
  if (result === 'printed') {
    const record = ctx.journal.find(slip.batch, slip.stan);
    if (record && isHandedOver(record) && record.receipt === 'not-printed') ctx.journal.apply(record, { kind: 'receipt-printed' });
    return;
  }
  await ctx.acknowledge(result === 'dead' ? screens.printerFault() : screens.receiptNotPrinted());
}
