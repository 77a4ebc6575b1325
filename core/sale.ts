import { responseCodeText } from '../protocol/iso8583/describe.ts';
import { maskPan } from '../protocol/iso8583/describe.ts';
import type { IsoMessage } from '../protocol/iso8583/types.ts';
import type { TerminalContext } from './terminal-context.ts';
import { captureCard, type CapturedCard } from './card-capture.ts';
import { shiftInDigit } from './money.ts';
import { saleReceipt, type SaleReceipt } from './receipt.ts';
import { printReceipt } from './receipt-printing.ts';
import { screens } from './screens.ts';

const ENTRY_MODE: Record<CapturedCard['entry'], string> = { chip: '051', swipe: '021', fallback: '801' };

/** Keys in the amount; undefined when the operator cancels or walks away. */
async function keyAmount(ctx: TerminalContext): Promise<number | undefined> {
  let minor = 0;
  for (;;) {
    ctx.show(screens.amount(minor));
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined || key === 'CANCEL') return undefined;
    if (key === 'ENTER' && minor > 0) return minor;
    if (key === 'CLEAR') minor = Math.floor(minor / 10);
    else if (/^[0-9]$/.test(key)) minor = shiftInDigit(minor, Number(key));
  }
}

function saleRequest(ctx: TerminalContext, card: CapturedCard, amountMinor: number, pinBlock: Uint8Array, stan: string): IsoMessage {
  const fields: IsoMessage['fields'] = {
    3: '000000',
    4: String(amountMinor).padStart(12, '0'),
    11: stan,
    14: card.expiry,
    22: ENTRY_MODE[card.entry],
    25: '00',
    26: '12',
    35: card.track2,
    41: ctx.config.terminalId,
    42: ctx.config.merchantId,
    49: '156',
    52: pinBlock,
    53: '2600000000000000',
    59: ctx.devices.modem.location(),
    60: `22${ctx.trace.batch()}000`,
  };
  if (card.entry === 'chip') {
    fields[2] = card.pan;
    if (card.panSequence) fields[23] = card.panSequence.padStart(3, '0');
    if (card.iccData) fields[55] = card.iccData;
  }
  return { mti: '0200', fields };
}

/**
 * A sale (消费): amount, card, PIN on the pad, authorisation, two receipts. Every way out
 * leaves a screen that says what happened; no path sends the same sale twice.
 */
export async function sale(ctx: TerminalContext, operator: string): Promise<void> {
  ctx.input.clear();
  const amountMinor = await keyAmount(ctx);
  if (amountMinor === undefined) return;

  const capture = await captureCard(ctx, amountMinor);
  if (capture.kind === 'cancelled') return ctx.acknowledge(screens.cancelled());
  if (capture.kind === 'timeout') return ctx.acknowledge(screens.timedOut());
  const card = capture.card;

  ctx.show(screens.enterPin(amountMinor));
  let pin;
  try {
    pin = await ctx.devices.pinpad.getPin({ pan: card.pan, amountMinor, timeoutSeconds: 60 });
  } catch {
    return ctx.acknowledge(screens.pinPadError());
  }
  if (pin.status === 'cancelled') return ctx.acknowledge(screens.cancelled());
  if (pin.status !== 'entered') return ctx.acknowledge(screens.timedOut());

  ctx.show(screens.processing());
  const stan = ctx.trace.next();
  const batch = ctx.trace.batch();
  const request = saleRequest(ctx, card, amountMinor, pin.pinBlock, stan);
  const exchange = await ctx.host.exchange(request, {
    timeoutMs: ctx.responseTimeoutMs,
    mac: (data) => ctx.devices.pinpad.mac(data),
  });

  const record = {
    stan,
    batch,
    type: 'sale' as const,
    amountMinor,
    panMasked: maskPan(card.pan),
    entryMode: ENTRY_MODE[card.entry],
    at: ctx.clock.now(),
    operator,
  };
  if (exchange.kind === 'link-down') return ctx.acknowledge(screens.networkDown());
  if (exchange.kind === 'no-answer') {
    ctx.journal.append({ ...record, outcome: 'no-answer' });
    return ctx.acknowledge(screens.noResponse());
  }
  if (exchange.macValid === false) {
    ctx.journal.append({ ...record, outcome: 'no-answer' });
    return ctx.acknowledge(screens.badResponseMac());
  }

  const { fields } = exchange.response;
  const code = String(fields[39] ?? '');
  if (code !== '00') {
    ctx.journal.append({ ...record, outcome: 'declined', responseCode: code });
    return ctx.acknowledge(screens.declined(code, (responseCodeText[code] ?? 'DECLINED').toUpperCase()));
  }

  const authCode = String(fields[38] ?? '').trim();
  const rrn = String(fields[37] ?? '').trim();
  ctx.journal.append({ ...record, outcome: 'approved', responseCode: code, authCode, rrn });
  ctx.show(screens.approved(authCode));

  const slip: SaleReceipt = {
    merchantName: ctx.config.merchantName,
    merchantId: ctx.config.merchantId,
    terminalId: ctx.config.terminalId,
    operator,
    pan: card.pan,
    entryMode: card.entry,
    batch,
    stan,
    authCode,
    rrn,
    at: record.at,
    amountMinor,
  };
  if (!(await printReceipt(ctx, saleReceipt(slip, 'merchant')))) return;
  ctx.show(screens.tearOff());
  await ctx.input.nextKey(ctx.promptTimeoutMs);
  await printReceipt(ctx, saleReceipt(slip, 'customer'));
}
