import type { MessageHandler } from './handler.ts';
import { sale } from './sale.ts';
import { signIn } from './sign-in.ts';

/**
 * Request MTI → handler. A message type the host learns (reversal 0400, settlement 0500, …)
 * is one more file and one more line here.
 */
export const handlers: ReadonlyMap<string, MessageHandler> = new Map([
  ['0800', signIn],
  ['0200', sale],
]);
