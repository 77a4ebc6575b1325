import { responseCodeText } from '../../protocol/iso8583/describe.ts';
import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { confirm } from '../keyed-entry.ts';
import { hostSignOut } from '../host-sign-out.ts';
import { printReceipt } from '../receipt-printing.ts';
import { settlementReceipt } from '../receipt.ts';
import { screens } from '../screens.ts';
import { settlementRequest } from '../transaction/requests.ts';
import { batchTotals, settledTransactions } from '../transaction/totals.ts';
import { batchUpload } from './batch-upload.ts';

type HostVerdict = { readonly kind: 'settled'; readonly balanced: boolean; readonly newBatch: string } | { readonly kind: 'failed'; readonly reason: string };

async function askHost(ctx: TerminalContext, operator: string, batch: string): Promise<HostVerdict> {
  const totals = batchTotals(ctx.journal.records(), batch);
  const exchange = await ctx.host.exchange(settlementRequest(ctx.config, ctx.trace.next(), batch, totals, operator), {
    timeoutMs: ctx.responseTimeoutMs,
    mac: (d) => ctx.devices.pinpad.mac(d),
  });
  if (exchange.kind === 'link-down') return { kind: 'failed', reason: 'NETWORK DOWN' };
  if (exchange.kind === 'mac-unavailable') return { kind: 'failed', reason: 'PIN PAD ERROR' };
  if (exchange.kind === 'no-answer') return { kind: 'failed', reason: 'NO HOST RESPONSE' };
  if (exchange.macValid !== true) return { kind: 'failed', reason: 'RESPONSE MAC ERROR' };
  const { fields } = exchange.response;
  const code = String(fields[39] ?? '');
  if (code !== '00') return { kind: 'failed', reason: `${code} ${responseCodeText[code] ?? 'REFUSED'}` };
  const result = String(fields[48] ?? '').charAt(30);
  const newBatch = String(fields[60] ?? '').slice(2, 8);
  if (result === '2') return { kind: 'settled', balanced: false, newBatch };
  if (result !== '1' || newBatch.length !== 6) return { kind: 'failed', reason: 'HOST SETTLEMENT ERROR' };
  return { kind: 'settled', balanced: true, newBatch };
}

/**
 * Settlement (结算, 0500): the terminal's own totals of the open batch go to the host; when
 * the host's totals differ it uploads the batch (0320…207) and the host closes it from that
 * list. The new open batch comes in 60.2 of the 0510 when balanced, of the 207's answer when not. Then the report is printed, the journal starts the new batch the host named, and the
 * terminal signs out of the host. Reversals owed go out first: they are part of the totals.
 */
export async function settle(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const batch = ctx.trace.batch();
  const totals = batchTotals(ctx.journal.records(), batch);
  ctx.show(screens.settlementTotals(totals.debitCount, totals.debitMinor, totals.creditCount, totals.creditMinor));
  if (!(await confirm(ctx))) return;

  ctx.show(screens.settling());
  const verdict = await askHost(ctx, operator, batch);
  if (verdict.kind === 'failed') return ctx.acknowledge(screens.settlementFailed(verdict.reason));
  const newBatch = verdict.balanced ? verdict.newBatch : await batchUpload(ctx, batch, settledTransactions(ctx.journal.records(), batch));
  if (newBatch === undefined) return ctx.acknowledge(screens.settlementFailed('BATCH UPLOAD FAILED'));
  ctx.trace.setBatch(newBatch);
  ctx.journal.closeBatch(batch);

  const report = settlementReceipt(
    {
      merchantName: ctx.config.merchantName,
      merchantId: ctx.config.merchantId,
      terminalId: ctx.config.terminalId,
      operator,
      batch,
      at: ctx.clock.now(),
      totals,
      balanced: verdict.balanced,
    },
    { columns: ctx.capabilities.receiptColumns },
  );
  const printed = await printReceipt(ctx, report);
  await hostSignOut(ctx);
  if (printed === 'dead') await ctx.acknowledge(screens.printerFault());
  await ctx.acknowledge(screens.settled(verdict.balanced, newBatch));
}
