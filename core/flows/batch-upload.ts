import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import type { TerminalContext } from '../terminal-context.ts';
import { screens } from '../screens.ts';
import type { TransactionRecord } from '../transaction/record.ts';
import { uploadEndRequest, uploadRequest } from '../transaction/requests.ts';

const TRIES_PER_MESSAGE = 3;

/** One upload message, re-sent (same STAN: the host answers a repeat alike) until it is taken. */
async function deliver(ctx: TerminalContext, request: IsoMessage): Promise<IsoMessage | undefined> {
  for (let attempt = 0; attempt < TRIES_PER_MESSAGE; attempt++) {
    const exchange = await ctx.host.exchange(request, { timeoutMs: ctx.responseTimeoutMs, mac: (d) => ctx.devices.pinpad.mac(d) });
    if (exchange.kind === 'link-down' || exchange.kind === 'mac-unavailable') return undefined;
    if (exchange.kind === 'answered' && exchange.macValid === true && exchange.response.fields[39] === '00') return exchange.response;
  }
  return undefined;
}

/**
 * Batch upload (批上送) after an unbalanced settlement: every transaction the terminal's
 * totals counted, one 0320 each with the clear PAN opened from the vault for this message
 * only, then the 0320 that ends the upload with the count. The host closes the batch from
 * this list and answers the 207 with the new open batch (60.2), which this returns; undefined
 * when the host could not be reached or refused. It starts at transaction `from` (resuming
 * after a power cut: a STAN uploaded again replaces its first copy) and tells `progress` how
 * many the host has taken before each message, so flash can hold it.
 */
export async function batchUpload(
  ctx: TerminalContext,
  batch: string,
  transactions: readonly TransactionRecord[],
  from: number,
  progress: (uploaded: number) => void,
): Promise<string | undefined> {
  for (const [index, record] of transactions.entries()) {
    if (index < from) continue;
    progress(index);
    ctx.show(screens.uploading(index + 1, transactions.length));
    if (!(await deliver(ctx, uploadRequest(ctx.config, record, ctx.vault.open(record.panSealed))))) return undefined;
  }
  progress(transactions.length);
  const end = await deliver(ctx, uploadEndRequest(ctx.config, ctx.trace.next(), batch, transactions.length));
  const newBatch = String(end?.fields[60] ?? '').slice(2, 8);
  return newBatch.length === 6 ? newBatch : undefined;
}
