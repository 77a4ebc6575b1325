import { responseCodeText } from '../protocol/iso8583/describe.ts';
import type { TerminalContext } from './terminal-context.ts';
import { signOutRequest } from './transaction/requests.ts';
import { screens } from './screens.ts';

/**
 * Host sign-out (签退, 0820 with 60.3 = 002). Whatever the host answers, the terminal treats
 * its working keys as spent: the next host transaction signs in again for fresh ones.
 * Returns the reason it failed, or undefined when the host confirmed.
 */
export async function hostSignOut(ctx: TerminalContext): Promise<string | undefined> {
  ctx.show(screens.hostSignOut());
  ctx.session.hostSignedIn = false;
  const exchange = await ctx.host.exchange(signOutRequest(ctx.config, ctx.trace.next(), ctx.trace.batch()), {
    timeoutMs: ctx.responseTimeoutMs,
  });
  if (exchange.kind === 'link-down') return 'NETWORK DOWN';
  if (exchange.kind !== 'answered') return 'NO HOST RESPONSE';
  const code = String(exchange.response.fields[39] ?? '');
  return code === '00' ? undefined : `${code} ${responseCodeText[code] ?? 'REFUSED'}`;
}
