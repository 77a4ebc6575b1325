import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import type { TerminalContext } from '../terminal-context.ts';
import { screens } from '../screens.ts';
import type { TransactionRecord } from '../transaction/record.ts';
import { uploadEndRequest, uploadRequest } from '../transaction/requests.ts';

const TRIES_PER_MESSAGE = 3;

/** One upload message, re-sent (same STAN: the host answers a repeat alike) until it is taken. */
async function deliver(ctx: TerminalContext, request: IsoMessage): Promise<boolean> {
  for (let attempt = 0; attempt < TRIES_PER_MESSAGE; attempt++) {
    const exchange = await ctx.host.exchange(request, { timeoutMs: ctx.responseTimeoutMs, mac: (d) => ctx.devices.pinpad.mac(d) });
    if (exchange.kind === 'link-down' || exchange.kind === 'mac-unavailable') return false;
    if (exchange.kind === 'answered' && exchange.macValid !== false && exchange.response.fields[39] === '00') return true;
  }
  return false;
}

/**
 * Batch upload (批上送) after an unbalanced settlement: every transaction the terminal's
 * totals counted, one 0320 each with the clear PAN opened from the vault for this message
 * only, then the 0320 that ends the upload with the count. The host closes the batch from
 * this list. False when the host could not be reached or refused.
 */
export async function batchUpload(ctx: TerminalContext, batch: string, transactions: readonly TransactionRecord[]): Promise<boolean> {
  for (const [index, record] of transactions.entries()) {
    ctx.show(screens.uploading(index + 1, transactions.length));
    if (!(await deliver(ctx, uploadRequest(ctx.config, record, ctx.vault.open(record.panSealed))))) return false;
  }
  return deliver(ctx, uploadEndRequest(ctx.config, ctx.trace.next(), batch, transactions.length));
}
