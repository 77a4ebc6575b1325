import { responseCodeText } from '../../protocol/iso8583/describe.ts';
import type { TerminalContext } from '../terminal-context.ts';
import { readyForBusiness } from '../business-gate.ts';
import { captureCard } from '../card-capture.ts';
import { askPin, explainStop } from '../pin-entry.ts';
import { screens } from '../screens.ts';
import { cardRequest, KIND_CODES } from '../transaction/requests.ts';

/** Field 54: account type n2, amount type n2, currency n3, sign C/D, amount n12. */
export function parseBalance(field54: string): { minor: number; sign: 'C' | 'D' } | undefined {
  const match = /^\d{2}\d{2}\d{3}([CD])(\d{12})/.exec(field54);
  return match ? { sign: match[1] as 'C' | 'D', minor: Number(match[2]) } : undefined;
}

/**
 * A balance inquiry (查询余额): card and PIN, the balance on screen only. It moves no money,
 * so it has no journal record, no reversal and no slip.
 */
export async function balanceInquiry(ctx: TerminalContext, operator: string): Promise<void> {
  if (!(await readyForBusiness(ctx, operator))) return;
  const capture = await captureCard(ctx, { title: 'BALANCE', transactionType: '31' });
  if (capture.kind === 'cancelled') return ctx.acknowledge(screens.cancelled());
  if (capture.kind === 'timeout') return ctx.acknowledge(screens.timedOut());
  if (capture.kind === 'expired') return ctx.acknowledge(screens.cardExpired('balance'));
  const pin = await askPin(ctx, capture.card.pan, undefined);
  if (pin.kind === 'stopped') return explainStop(ctx, pin.why);

  ctx.show(screens.processing());
  const request = cardRequest(ctx.config, {
    codes: KIND_CODES.balance,
    stan: ctx.trace.next(),
    batch: ctx.trace.batch(),
    card: capture.card,
    pinBlock: pin.pinBlock,
    location: ctx.devices.modem.location(),
  });
  const exchange = await ctx.host.exchange(request, { timeoutMs: ctx.responseTimeoutMs, mac: (d) => ctx.devices.pinpad.mac(d) });
  if (exchange.kind === 'link-down') return ctx.acknowledge(screens.networkDown('balance'));
  if (exchange.kind === 'mac-unavailable') return ctx.acknowledge(screens.macUnavailable('balance'));
  if (exchange.kind === 'no-answer') return ctx.acknowledge(screens.noAnswer());
  if (exchange.macValid === false) return ctx.acknowledge(screens.badAnswer('RESPONSE MAC ERROR'));
  const code = String(exchange.response.fields[39] ?? '');
  if (code !== '00') return ctx.acknowledge(screens.declined(code, responseCodeText[code] ?? 'DECLINED'));
  const balance = parseBalance(String(exchange.response.fields[54] ?? ''));
  if (!balance) return ctx.acknowledge(screens.badAnswer('NO BALANCE IN ANSWER'));
  await ctx.acknowledge(screens.balance(balance.minor, balance.sign));
}
