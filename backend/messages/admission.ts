import type { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
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
  const keys = terminal?.workingKeys && context.workingKeys.keysOf(terminal.terminalId, terminal.workingKeys);
  return { terminal, keys };
}

/**
 * Whether a MACed request is what it claims to be, checked in this order: it was readable
 * (`merchantId` undefined means a field was missing or malformed: 30), the terminal is signed
 * in (97), the MAC verifies (A0). Until these pass nothing is written. Returns the refusal, or
 * undefined to go on.
 */
export function authentication(
  request: InboundRequest,
  context: HostContext,
  caller: Caller,
  merchantId: string | undefined,
): ResponseCode | undefined {
  if (merchantId === undefined) return ResponseCode.formatError;
  const { terminal, keys } = caller;
  if (!terminal?.signedIn || !keys) return ResponseCode.notSignedIn;
  if (!macVerifies(request, context, keys.macKey)) return ResponseCode.macFailed;
  return undefined;
}

/** Authentication, then field 42 must be the terminal's own merchant (03). */
export function admission(
  request: InboundRequest,
  context: HostContext,
  caller: Caller,
  merchantId: string | undefined,
): ResponseCode | undefined {
  const refusal = authentication(request, context, caller, merchantId);
  if (refusal !== undefined) return refusal;
  return caller.terminal?.merchantId === merchantId ? undefined : ResponseCode.invalidMerchant;
}

/**
 * A repeat is the original byte for byte with the MTI's last digit 1. A terminal may MAC the
 * repeat as sent or keep the original's MAC; both prove the same author and content.
 */
function macVerifies(request: InboundRequest, context: HostContext, macKey: RetailMacKey): boolean {
  const { dialect } = context;
  if (requestMacVerifies(dialect, request.message, request.bytes, macKey)) return true;
  if (!request.repeat) return false;
  const original = request.bytes.slice();
  const lastMtiByte = dialect.headerLength + 1;
  original[lastMtiByte] = (original[lastMtiByte] as number) & 0xf0;
  return requestMacVerifies(dialect, request.message, original, macKey);
}
