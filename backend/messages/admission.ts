import { openWorkingKeys } from '../keys/working-keys.ts';
import type { WorkingKeys } from '../keys/working-keys.ts';
import { ResponseCode } from '../response-codes.ts';
import type { TerminalRecord } from '../store/host-store.ts';
import type { HostContext, InboundRequest } from './handler.ts';
import { requestMacVerifies } from './mac.ts';

/** The terminal named in field 41 and the working keys of its last sign-in, when there are any. */
export interface Caller {
  readonly terminal: TerminalRecord | undefined;
  /** Present whenever the host holds keys for the terminal: every answer is then MACed, whatever its code. */
  readonly keys: WorkingKeys | undefined;
}

export function callerOf(request: InboundRequest, context: HostContext): Caller {
  const terminalId = request.message.fields[41];
  const terminal = typeof terminalId === 'string' ? context.store.terminal(terminalId) : undefined;
  const keys = terminal?.workingKeys && openWorkingKeys(terminal.workingKeys, context.lmk);
  return { terminal, keys };
}

/**
 * Whether a MACed request may be acted on at all, checked in this order: it was readable
 * (`merchantId` undefined means a field was missing or malformed: 30), the terminal is signed
 * in (97), field 42 is the terminal's own merchant (03), the MAC verifies (A0). Until all four
 * pass nothing is written. Returns the refusal, or undefined to go on.
 */
export function admission(
  request: InboundRequest,
  context: HostContext,
  caller: Caller,
  merchantId: string | undefined,
): ResponseCode | undefined {
  if (merchantId === undefined) return ResponseCode.formatError;
  const { terminal, keys } = caller;
  if (!terminal?.signedIn || !keys) return ResponseCode.notSignedIn;
  if (terminal.merchantId !== merchantId) return ResponseCode.invalidMerchant;
  if (!macVerifies(request, context, keys.macKey)) return ResponseCode.macFailed;
  return undefined;
}

/**
 * A repeat is the original byte for byte with the MTI's last digit 1. A terminal may MAC the
 * repeat as sent or keep the original's MAC; both prove the same author and content.
 */
function macVerifies(request: InboundRequest, context: HostContext, macKey: Uint8Array): boolean {
  const { dialect } = context;
  if (requestMacVerifies(dialect, request.message, request.bytes, macKey)) return true;
  if (!request.repeat) return false;
  const original = request.bytes.slice();
  const lastMtiByte = dialect.headerLength + 1;
  original[lastMtiByte] = (original[lastMtiByte] as number) & 0xf0;
  return requestMacVerifies(dialect, request.message, original, macKey);
}
