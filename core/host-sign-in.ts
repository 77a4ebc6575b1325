import { responseCodeText } from '../protocol/iso8583/describe.ts';
import { PoslabError } from '../platform/errors.ts';
import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';

const KEY_DATA_LENGTH = 40;

/**
 * Host sign-in (签到, 0800/0810): fresh PIN and MAC working keys, wrapped under the terminal
 * master key, go straight into the PIN pad, which checks them against their check values;
 * the host's batch number becomes the terminal's. Returns true when the terminal may transact.
 */
export async function hostSignIn(ctx: TerminalContext, operator: string): Promise<boolean> {
  ctx.show(screens.hostSignIn());
  const { terminalId, merchantId } = ctx.config;
  const exchange = await ctx.host.exchange(
    {
      mti: '0800',
      fields: {
        11: ctx.trace.next(),
        41: terminalId,
        42: merchantId,
        60: `00${ctx.trace.batch()}003`,
        63: operator.padStart(3, '0'),
      },
    },
    { timeoutMs: ctx.responseTimeoutMs },
  );
  if (exchange.kind === 'link-down') return fail(ctx, 'NETWORK DOWN');
  if (exchange.kind !== 'answered') return fail(ctx, 'NO HOST RESPONSE');

  const { fields } = exchange.response;
  const code = String(fields[39] ?? '');
  if (code !== '00') return fail(ctx, `${code} ${responseCodeText[code] ?? 'DECLINED'}`);
  const keys = fields[62];
  if (!(keys instanceof Uint8Array) || keys.length !== KEY_DATA_LENGTH) return fail(ctx, 'BAD KEY DATA');

  try {
    await ctx.devices.pinpad.loadWorkingKeys({
      pinKey: keys.subarray(0, 16),
      pinKcv: keys.subarray(16, 20),
      macKey: keys.subarray(20, 36),
      macKcv: keys.subarray(36, 40),
    });
  } catch (error) {
    return fail(ctx, error instanceof PoslabError ? error.code.replaceAll('_', ' ') : 'PIN PAD ERROR');
  }
  const batch = String(fields[60] ?? '').slice(2, 8);
  if (batch.length === 6) ctx.trace.setBatch(batch);
  return true;
}

async function fail(ctx: TerminalContext, reason: string): Promise<false> {
  await ctx.acknowledge(screens.hostSignInFailed(reason.toUpperCase().slice(0, 20)));
  return false;
}
