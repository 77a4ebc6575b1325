import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { confirm, readDigits } from '../keyed-entry.ts';
import { runCardTransaction } from '../card-transaction.ts';
import { supervisorApproves } from '../supervisor-approval.ts';
import { screens } from '../screens.ts';
import { isVoided } from '../transaction/totals.ts';

/**
 * A void (撤销) of a sale or completion in the open batch, authorised by the supervisor: the
 * original is found by its trace number, the same card must be presented, and the full
 * original amount goes back. A settled batch cannot be voided — that is what refunds are for.
 */
export async function voidTransaction(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await supervisorApproves(ctx, 'VOID'))) return;
  if (!(await readyForBusiness(ctx, operator))) return;
  const typed = await readDigits(ctx, (t) => ctx.show(screens.originalTrace('VOID', t)), { min: 1, max: 6 });
  if (typed === undefined) return;

  const records = ctx.journal.records();
  const original = ctx.journal.find(ctx.trace.batch(), typed.padStart(6, '0'));
  if (!original || original.state !== 'completed') return ctx.acknowledge(screens.noSuchTransaction());
  if ((original.kind !== 'sale' && original.kind !== 'completion') || isVoided(original, records)) {
    return ctx.acknowledge(screens.notVoidable());
  }
  ctx.show(screens.confirmOriginal('VOID', original.stan, original.amountMinor, original.panMasked));
  if (!(await confirm(ctx))) return;

  await runCardTransaction(ctx, operator, {
    kind: 'void',
    title: 'VOID',
    amountMinor: original.amountMinor,
    original: {
      batch: original.batch,
      stan: original.stan,
      date: original.hostDate ?? '',
      ...(original.rrn ? { rrn: original.rrn } : {}),
      ...(original.authCode ? { authCode: original.authCode } : {}),
    },
    pin: false,
    transactionType: '20',
    sameCardAs: original.panSealed,
  });
}
