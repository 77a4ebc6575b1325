import { maskPan } from '../protocol/iso8583/describe.ts';
import type { TerminalContext } from './terminal-context.ts';
import { saveLastSlip } from './last-receipt.ts';
import { OFFLINE_SALE_CODES } from './offline-advice.ts';
import { offlineScreens } from './offline-screens.ts';
import { printReceipt, type PrintResult } from './receipt-printing.ts';
import { slipOf, transactionReceipt, type TransactionSlip } from './receipt.ts';
import { screens } from './screens.ts';
import type { TransactionEvent } from './transaction/machine.ts';
import type { TransactionKind, TransactionRecord } from './transaction/record.ts';
import { entryMode, type CardData } from './transaction/requests.ts';

/** Terminal risk management: a sale at or below the floor limit (0: none) may be approved offline, if the card agrees. */
export function mayApproveOffline(ctx: TerminalContext, kind: TransactionKind, amountMinor: number): boolean {
  const { floorLimitMinor } = ctx.parameters.values;
  return kind === 'sale' && floorLimitMinor > 0 && amountMinor <= floorLimitMinor;
}

const PRINTED: Readonly<Record<PrintResult, TransactionEvent>> = {
  printed: { kind: 'receipt-printed' },
  'not-printed': { kind: 'receipt-not-printed' },
  dead: { kind: 'printer-dead' },
};

/**
 * The card approved the sale offline with a TC (脱机消费): no request, no PIN for the host to
 * check. The record — the advice the host is owed, field 55 sealed — is in flash before the
 * merchant copy prints; from then on the sale stands (transaction/machine.ts, 8) and its
 * advice goes out when the terminal is next online. `customerCopy` is the online flow's own.
 */
export async function approveOffline(
  ctx: TerminalContext,
  operator: string,
  sale: { readonly amountMinor: number; readonly card: CardData; readonly tc: string },
  customerCopy: (slip: TransactionSlip) => Promise<void>,
): Promise<void> {
  const { amountMinor, card, tc } = sale;
  const record: TransactionRecord = {
    kind: 'sale',
    stan: ctx.trace.next(),
    batch: ctx.trace.batch(),
    ...OFFLINE_SALE_CODES,
    amountMinor,
    panMasked: maskPan(card.pan),
    panSealed: ctx.vault.seal(card.pan),
    expiry: card.expiry,
    entryMode: entryMode(card.entry, false),
    ...(card.panSequence ? { panSequence: card.panSequence } : {}),
    at: ctx.clock.now(),
    operator,
    state: 'advice-due',
    reversalAttempts: 0,
    tc,
    iccSealed: ctx.vault.seal(Buffer.from(card.iccData ?? new Uint8Array(0)).toString('hex')),
  };
  ctx.journal.approveOffline(record);
  ctx.show(offlineScreens.approved(tc));
  const slip = slipOf(record, ctx.config);
  const merchant = await printReceipt(ctx, (reprint) => transactionReceipt(slip, 'merchant', { columns: ctx.capabilities.receiptColumns, reprint }));
  ctx.journal.apply(record, PRINTED[merchant]);
  saveLastSlip(ctx.devices.flash, slip);
  if (merchant === 'dead') return ctx.acknowledge(offlineScreens.printerDead());
  if (merchant === 'not-printed') return ctx.acknowledge(screens.receiptNotPrinted());
  await customerCopy(slip);
}
