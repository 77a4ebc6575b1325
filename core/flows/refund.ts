import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { readAmount, readDigits } from '../keyed-entry.ts';
import { runCardTransaction } from '../card-transaction.ts';
import { supervisorApproves } from '../supervisor-approval.ts';
import { screens } from '../screens.ts';
import { refundable } from '../transaction/totals.ts';

const isMonthDay = (mmdd: string) => {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/**
 * A refund (退货) of an earlier sale, any day, authorised by the supervisor: the original is
 * named by its reference number and date from the customer's slip. When the original is still
 * in this terminal's journal, the refund may not exceed what is left of it; otherwise the host
 * holds the original and decides.
 */
export async function refund(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await supervisorApproves(ctx, 'REFUND'))) return;
  if (!(await readyForBusiness(ctx, operator))) return;
  const rrn = await readDigits(ctx, (t) => ctx.show(screens.originalReference(t)), { min: 12, max: 12 });
  if (rrn === undefined) return;
  let date: string | undefined;
  do {
    date = await readDigits(ctx, (t) => ctx.show(screens.originalDate('REFUND', t)), { min: 4, max: 4 });
    if (date === undefined) return;
  } while (!isMonthDay(date));
  const amountMinor = await readAmount(ctx, (minor) => ctx.show(screens.amount('REFUND', minor)));
  if (amountMinor === undefined) return;

  const records = ctx.journal.records();
  const original = records.find((r) => r.rrn === rrn && (r.kind === 'sale' || r.kind === 'completion') && r.state === 'completed');
  if (original) {
    const limit = refundable(original, records);
    if (amountMinor > limit) return ctx.acknowledge(screens.amountTooHigh(limit));
  }
  await runCardTransaction(ctx, operator, {
    kind: 'refund',
    title: 'REFUND',
    amountMinor,
    original: { batch: original?.batch ?? '000000', stan: original?.stan ?? '000000', date, rrn },
    pin: false,
    transactionType: '20',
  });
}
