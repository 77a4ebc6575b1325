import { responseCodeText } from '../protocol/iso8583/describe.ts';
import type { TerminalContext } from './terminal-context.ts';
import { managementScreens as ms } from './management-screens.ts';
import { echoRequest } from './transaction/requests.ts';

/**
 * Echo test (回响测试, 0820 with 60.3 = 301) from the administrator's menu: the quickest way
 * to tell a dead line from a dead host. Like the other 08xx management messages it carries no
 * MAC, so it needs no sign-in. The screen says HOST OK or what went wrong.
 */
export async function echoTest(ctx: TerminalContext): Promise<void> {
  const failure = await askHost(ctx);
  await ctx.acknowledge(failure === undefined ? ms.echoOk() : ms.echoFailed(failure));
}

async function askHost(ctx: TerminalContext): Promise<string | undefined> {
  if (ctx.devices.modem.signal() === 0) return 'NO SIGNAL';
  ctx.show(ms.echoing());
  const exchange = await ctx.host.exchange(echoRequest(ctx.config, ctx.trace.next(), ctx.trace.batch()), {
    timeoutMs: ctx.responseTimeoutMs,
  });
  if (exchange.kind === 'link-down') return 'NETWORK DOWN';
  if (exchange.kind !== 'answered') return 'NO HOST RESPONSE';
  const code = String(exchange.response.fields[39] ?? '');
  return code === '00' ? undefined : `${code} ${responseCodeText[code] ?? 'REFUSED'}`;
}
