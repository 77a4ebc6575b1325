import { responseCodeText } from '../../protocol/iso8583/describe.ts';
import type { TerminalContext } from '../terminal-context.ts';
import { hostSignOut } from '../host-sign-out.ts';
import { printReceipt } from '../receipt-printing.ts';
import { settlementReceipt } from '../receipt.ts';
import { screens } from '../screens.ts';
import { clearSettlementProgress, saveSettlementProgress, type SettlementProgress } from '../settlement-progress.ts';
import { settlementRequest } from '../transaction/requests.ts';
import { settledTransactions } from '../transaction/totals.ts';
import { batchUpload } from './batch-upload.ts';

/**
 * What the 0510 says. `closed`: the batch is shut and `newBatch` is open (balanced, or closed
 * earlier from an upload). `awaiting-upload`: unbalanced, the host waits for the batch.
 * `failed`: `unknown` when a request may have reached the host, `not-sent` when nothing left,
 * `refused` when the host answered that it did not settle.
 */
type HostVerdict =
  | { readonly kind: 'closed'; readonly balanced: boolean; readonly newBatch: string }
  | { readonly kind: 'awaiting-upload' }
  | { readonly kind: 'failed'; readonly reason: string; readonly outcome: 'unknown' | 'not-sent' | 'refused' };

async function askHost(ctx: TerminalContext, progress: SettlementProgress): Promise<HostVerdict> {
  const request = settlementRequest(ctx.config, ctx.trace.next(), progress.batch, progress.totals, progress.operator);
  const exchange = await ctx.host.exchange(request, { timeoutMs: ctx.responseTimeoutMs, mac: (d) => ctx.devices.pinpad.mac(d) });
  if (exchange.kind === 'link-down') return { kind: 'failed', reason: 'NETWORK DOWN', outcome: 'not-sent' };
  if (exchange.kind === 'mac-unavailable') return { kind: 'failed', reason: 'PIN PAD ERROR', outcome: 'not-sent' };
  if (exchange.kind === 'no-answer') return { kind: 'failed', reason: 'NO HOST RESPONSE', outcome: 'unknown' };
  if (exchange.macValid !== true) return { kind: 'failed', reason: 'RESPONSE MAC ERROR', outcome: 'unknown' };
  const { fields } = exchange.response;
  const code = String(fields[39] ?? '');
  if (code !== '00') return { kind: 'failed', reason: `${code} ${responseCodeText[code] ?? 'REFUSED'}`, outcome: 'refused' };
  const result = String(fields[48] ?? '').charAt(30);
  const batch = String(fields[60] ?? '').slice(2, 8);
  if ((result === '1' || result === '2') && batch.length === 6) {
    // Unbalanced leaves the batch open; a 0500 sent again after the upload closed it names the next one.
    if (result === '2' && batch === progress.batch) return { kind: 'awaiting-upload' };
    if (batch !== progress.batch) return { kind: 'closed', balanced: result === '1', newBatch: batch };
  }
  return { kind: 'failed', reason: 'HOST SETTLEMENT ERROR', outcome: 'refused' };
}

/**
 * Runs a settlement from wherever its progress says it stands, writing the progress to flash
 * before each message: the 0500 with the frozen totals (sent again when resuming — the host
 * answers a batch it already closed as it did, so it doubles nothing), the batch upload from
 * the first transaction the host had not taken, then the close. True once settled. A failure
 * whose outcome the host may know leaves the progress in flash: the settlement must be
 * finished before new business. A first try that never left, or that the host refused,
 * leaves the batch open and clears it.
 */
export async function runSettlement(ctx: TerminalContext, progress: SettlementProgress, firstTry: boolean): Promise<boolean> {
  const closing = progress.stage === 'closing' ? progress : await settleWithHost(ctx, progress, firstTry);
  if (closing === undefined) return false;
  await close(ctx, closing);
  return true;
}

type Closing = Extract<SettlementProgress, { stage: 'closing' }>;

async function settleWithHost(
  ctx: TerminalContext,
  progress: Exclude<SettlementProgress, Closing>,
  firstTry: boolean,
): Promise<Closing | undefined> {
  const { flash } = ctx.devices;
  const { batch, operator, totals } = progress;
  ctx.show(firstTry ? screens.settling() : screens.resumingSettlement(batch));
  const verdict = await askHost(ctx, progress);
  if (verdict.kind === 'failed') {
    const over = verdict.outcome === 'refused' || (verdict.outcome === 'not-sent' && firstTry);
    if (over) clearSettlementProgress(flash);
    await ctx.acknowledge(over ? screens.settlementFailed(verdict.reason) : screens.settlementPending(verdict.reason));
    return undefined;
  }
  let closing: Closing;
  if (verdict.kind === 'awaiting-upload') {
    const from = progress.stage === 'upload' ? progress.uploaded : 0;
    const transactions = settledTransactions(ctx.journal.records(), batch);
    const newBatch = await batchUpload(ctx, batch, transactions, from, (uploaded) =>
      saveSettlementProgress(flash, { batch, operator, totals, stage: 'upload', uploaded }),
    );
    if (newBatch === undefined) {
      await ctx.acknowledge(screens.settlementPending('BATCH UPLOAD FAILED'));
      return undefined;
    }
    closing = { batch, operator, totals, stage: 'closing', balanced: false, newBatch };
  } else {
    closing = { batch, operator, totals, stage: 'closing', balanced: verdict.balanced, newBatch: verdict.newBatch };
  }
  saveSettlementProgress(flash, closing);
  return closing;
}

/** The host closed the batch: the journal and batch number follow, the report is printed, the host signed out. */
async function close(ctx: TerminalContext, progress: Closing): Promise<void> {
  const { newBatch, balanced } = progress;
  ctx.trace.setBatch(newBatch);
  ctx.journal.closeBatch(progress.batch);
  const slip = {
    merchantName: ctx.config.merchantName,
    merchantId: ctx.config.merchantId,
    terminalId: ctx.config.terminalId,
    operator: progress.operator,
    batch: progress.batch,
    at: ctx.clock.now(),
    totals: progress.totals,
    balanced,
  };
  const printed = await printReceipt(ctx, (reprint) => settlementReceipt(slip, { columns: ctx.capabilities.receiptColumns, reprint }));
  clearSettlementProgress(ctx.devices.flash);
  await hostSignOut(ctx);
  if (printed === 'dead') await ctx.acknowledge(screens.printerFault());
  await ctx.acknowledge(screens.settled(balanced, newBatch));
}
