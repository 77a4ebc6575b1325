import { ResponseCode } from '../response-codes.ts';
import type { MessageHandler } from './handler.ts';
import { managementAnswer, managementCaller } from './management.ts';

/**
 * 0820 → 0830 sign-out (60.3 = 002): the terminal is signed out and its financial requests
 * get 97 until it signs in again. Its last working keys stay, so those answers still carry a MAC.
 */
export const signOut: MessageHandler = (request, context) => {
  const terminal = managementCaller(request, context);
  if (typeof terminal === 'string') return managementAnswer(request, context, terminal);
  context.store.recordSignOut(terminal.terminalId, request.message.fields[11] as string);
  return managementAnswer(request, context, ResponseCode.approved);
};
