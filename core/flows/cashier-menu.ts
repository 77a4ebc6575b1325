import type { TerminalContext } from '../terminal-context.ts';
import { screens } from '../screens.ts';
import { sale, preAuthorisation } from './sale.ts';
import { voidTransaction } from './void.ts';
import { refund } from './refund.ts';
import { balanceInquiry } from './balance-inquiry.ts';
import { completion } from './completion.ts';
import { reprint } from './reprint.ts';
import { settle } from './settlement.ts';

type Flow = (ctx: TerminalContext, operator: string) => Promise<void>;

const FLOWS: Readonly<Record<string, Flow>> = {
  '1': sale,
  '2': voidTransaction,
  '3': refund,
  '4': balanceInquiry,
  '5': preAuthorisation,
  '6': completion,
  '7': (ctx) => reprint(ctx),
  '8': settle,
};

/** The cashier's menu (01–98); 9 signs the operator out. */
export async function cashierMenu(ctx: TerminalContext, operator: string): Promise<void> {
  for (;;) {
    ctx.input.clear();
    ctx.show(screens.menu(operator, ctx.devices.modem.signal()));
    const key = await ctx.input.nextKey();
    if (key === '9') return;
    const flow = key === undefined ? undefined : FLOWS[key];
    if (!flow) continue;
    ctx.input.clear();
    await flow(ctx, operator);
  }
}
