import { maskPan, responseCodeText } from '../protocol/iso8583/describe.ts';
import type { ChipTransaction } from './emv/read-chip.ts';
import type { TerminalContext } from './terminal-context.ts';
import { captureCard } from './card-capture.ts';
import { askPin, explainStop } from './pin-entry.ts';
import { printReceipt } from './receipt-printing.ts';
import { slipOf, transactionReceipt, type TransactionSlip } from './receipt.ts';
import { saveLastSlip } from './last-receipt.ts';
import { screens, type TransactionTitle } from './screens.ts';
import { sendFinancial, reverseUnfinished, type FinancialOutcome } from './transaction/exchange.ts';
import { completeChip } from './emv/read-chip.ts';
import type { CardData } from './transaction/requests.ts';
import type { OriginalReference, ReversalReason, TransactionKind, TransactionRecord } from './transaction/record.ts';
import { entryMode, financialRequest, KIND_CODES } from './transaction/requests.ts';
import { approveOffline, mayApproveOffline } from './offline-sale.ts';

export interface CardTransaction {
  readonly kind: TransactionKind;
  readonly title: TransactionTitle;
  readonly amountMinor: number;
  readonly original?: OriginalReference;
  readonly pin: boolean;
  readonly transactionType: ChipTransaction['transactionType'];
  /** A void must be paid back to the card that paid: its sealed PAN. */
  readonly sameCardAs?: string;
}

const CAUSES: Readonly<Record<ReversalReason, string>> = {
  '98': 'NO HOST RESPONSE',
  A0: 'RESPONSE MAC ERROR',
  '96': 'PRINTER FAULT',
  '06': 'TERMINAL FAULT',
};

/**
 * One card-present financial transaction from the card onwards: card, PIN when the kind needs
 * one, the request under the reversal rule, and the slips — or, when the chip approved a sale
 * offline (a TC at or below the floor limit), the offline approval and its slips. Every way out leaves a screen that
 * says what happened to the money.
 */
export async function runCardTransaction(ctx: TerminalContext, operator: string, spec: CardTransaction): Promise<void> {
  const capture = await captureCard(ctx, {
    title: spec.title,
    amountMinor: spec.amountMinor,
    transactionType: spec.transactionType,
    askOffline: mayApproveOffline(ctx, spec.kind, spec.amountMinor),
  });
  if (capture.kind === 'cancelled') return ctx.acknowledge(screens.cancelled());
  if (capture.kind === 'timeout') return ctx.acknowledge(screens.timedOut());
  if (capture.kind === 'expired') return ctx.acknowledge(screens.cardExpired(spec.kind));
  const card = capture.card;
  if (spec.sameCardAs !== undefined && ctx.vault.open(spec.sameCardAs) !== card.pan) return ctx.acknowledge(screens.wrongCard());
  if (card.offlineTc !== undefined) {
    return approveOffline(ctx, operator, { amountMinor: spec.amountMinor, card, tc: card.offlineTc }, (slip) => customerCopy(ctx, slip));
  }

  let pinBlock: Uint8Array | undefined;
  if (spec.pin) {
    const pin = await askPin(ctx, card.pan, spec.amountMinor);
    if (pin.kind === 'stopped') return explainStop(ctx, pin.why);
    pinBlock = pin.pinBlock;
  }
  if (card.entry === 'chip' && !ctx.slot.occupied) return ctx.acknowledge(screens.cardRemovedEarly(spec.kind));

  ctx.show(screens.processing());
  const codes = KIND_CODES[spec.kind];
  const record: TransactionRecord = {
    kind: spec.kind,
    stan: ctx.trace.next(),
    batch: ctx.trace.batch(),
    mti: codes.mti,
    processingCode: codes.processingCode,
    conditionCode: codes.conditionCode,
    messageType: codes.messageType,
    amountMinor: spec.amountMinor,
    panMasked: maskPan(card.pan),
    panSealed: ctx.vault.seal(card.pan),
    expiry: card.expiry,
    entryMode: entryMode(card.entry, pinBlock !== undefined),
    ...(card.panSequence ? { panSequence: card.panSequence } : {}),
    at: ctx.clock.now(),
    operator,
    ...(spec.original ? { original: spec.original } : {}),
    state: 'sent',
    reversalAttempts: 0,
  };
  const request = financialRequest(ctx.config, record, card, pinBlock, ctx.devices.modem.location());
  const outcome = await sendFinancial(ctx.exchangeDeps(), record, request);
  if (outcome.kind === 'approved') return handOver(ctx, outcome.record, card);
  return explainOutcome(ctx, spec.kind, outcome);
}

async function explainOutcome(
  ctx: TerminalContext,
  kind: TransactionKind,
  outcome: Exclude<FinancialOutcome, { kind: 'approved' }>,
  cause?: string,
): Promise<void> {
  switch (outcome.kind) {
    case 'not-sent':
      return ctx.acknowledge(outcome.why === 'link-down' ? screens.networkDown(kind) : screens.macUnavailable(kind));
    case 'declined':
      return ctx.acknowledge(screens.declined(outcome.code, responseCodeText[outcome.code] ?? 'DECLINED'));
    case 'reversing': {
      const why = cause ?? CAUSES[outcome.reason];
      return ctx.acknowledge(outcome.reversed ? screens.reversed(why, kind) : screens.reversalOwed(why));
    }
  }
}

/** A chip transaction is closed on the card (second GENERATE AC); a card that left refuses. */
async function chipAgrees(ctx: TerminalContext, card: CardData, record: TransactionRecord): Promise<boolean> {
  if (card.entry !== 'chip') return true;
  try {
    const answer = { responseCode: record.responseCode ?? '00', unpredictableNumber: ctx.random.bytes(4) };
    return (await completeChip((apdu) => ctx.devices.reader.transmit(apdu), answer)) === 'accepted';
  } catch {
    return false;
  }
}

/**
 * Approved: the card closes it, then the merchant copy makes it final. A card pulled out
 * before that (06) or a dead printer (96) turns the approval into a reversal.
 */
async function handOver(ctx: TerminalContext, record: TransactionRecord, card: CardData): Promise<void> {
  if (!(await chipAgrees(ctx, card, record))) {
    return explainOutcome(ctx, record.kind, await reverseUnfinished(ctx.exchangeDeps(), record, 'card-removed'), 'CARD REMOVED');
  }
  ctx.show(screens.approved(record.authCode ?? ''));
  const slip = slipOf(record, ctx.config);
  const layout = { columns: ctx.capabilities.receiptColumns };
  const merchant = await printReceipt(ctx, (reprint) => transactionReceipt(slip, 'merchant', { ...layout, reprint }));
  if (merchant === 'dead') {
    ctx.show(screens.printerDead());
    return explainOutcome(ctx, record.kind, await reverseUnfinished(ctx.exchangeDeps(), record, 'printer-dead'));
  }
  ctx.journal.apply(record, { kind: merchant === 'printed' ? 'receipt-printed' : 'receipt-not-printed' });
  saveLastSlip(ctx.devices.flash, slip);
  if (merchant === 'not-printed') return ctx.acknowledge(screens.receiptNotPrinted());
  await customerCopy(ctx, slip);
}

async function customerCopy(ctx: TerminalContext, slip: TransactionSlip): Promise<void> {
  ctx.show(screens.tearOff(ctx.session.paperLow));
  await ctx.input.nextKey(ctx.promptTimeoutMs);
  ctx.show(screens.printing());
  const customer = await printReceipt(ctx, (reprint) => transactionReceipt(slip, 'customer', { columns: ctx.capabilities.receiptColumns, reprint }));
  if (customer !== 'printed') await ctx.acknowledge(screens.receiptNotPrinted());
}
