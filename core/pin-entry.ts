import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';

export type PinOutcome =
  | { readonly kind: 'entered'; readonly pinBlock: Uint8Array }
  | { readonly kind: 'stopped'; readonly why: 'cancelled' | 'timeout' | 'pin-pad-error' };

const PIN_TIMEOUT_SECONDS = 60;

/** The cardholder enters the PIN on the pad; the terminal only ever sees the PIN block. */
export async function askPin(ctx: TerminalContext, pan: string, amountMinor: number | undefined): Promise<PinOutcome> {
  ctx.show(screens.enterPin(amountMinor, ctx.capabilities.pinpad === 'built-in'));
  try {
    const pin = await ctx.devices.pinpad.getPin({ pan, amountMinor: amountMinor ?? 0, timeoutSeconds: PIN_TIMEOUT_SECONDS });
    if (pin.status === 'entered') return { kind: 'entered', pinBlock: pin.pinBlock };
    return { kind: 'stopped', why: pin.status === 'cancelled' ? 'cancelled' : 'timeout' };
  } catch {
    return { kind: 'stopped', why: 'pin-pad-error' };
  }
}

export async function explainStop(ctx: TerminalContext, why: 'cancelled' | 'timeout' | 'pin-pad-error'): Promise<void> {
  if (why === 'cancelled') return ctx.acknowledge(screens.cancelled());
  if (why === 'timeout') return ctx.acknowledge(screens.timedOut());
  return ctx.acknowledge(screens.pinPadError());
}
