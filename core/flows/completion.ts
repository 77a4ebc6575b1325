import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { readAmount, readDigits } from '../keyed-entry.ts';
import { runCardTransaction } from '../card-transaction.ts';
import { screens } from '../screens.ts';

/**
 * A pre-authorisation completion (预授权完成): the pre-auth is named by its authorisation
 * number; the terminal fills in its trace and date when it still holds it, and otherwise asks
 * for the date. The amount may not exceed what was pre-authorised.
 */
export async function completion(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const authCode = await readDigits(ctx, (t) => ctx.show(screens.authCode(t)), { min: 6, max: 6 });
  if (authCode === undefined) return;
  const preauth = ctx.journal.records().find((r) => r.kind === 'preauth' && r.state === 'completed' && r.authCode === authCode);
  const date =
    preauth?.hostDate ?? (await readDigits(ctx, (t) => ctx.show(screens.originalDate('AUTH COMPLETE', t)), { min: 4, max: 4 }));
  if (date === undefined) return;
  const amountMinor = await readAmount(ctx, (minor) => ctx.show(screens.amount('AUTH COMPLETE', minor)));
  if (amountMinor === undefined) return;
  if (preauth && amountMinor > preauth.amountMinor) return ctx.acknowledge(screens.amountTooHigh(preauth.amountMinor));

  await runCardTransaction(ctx, operator, {
    kind: 'completion',
    title: 'AUTH COMPLETE',
    amountMinor,
    original: { batch: preauth?.batch ?? '000000', stan: preauth?.stan ?? '000000', date, authCode },
    pin: true,
    transactionType: '00',
  });
}
