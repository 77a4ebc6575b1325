import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { offlineAdvice } from './advice.ts';
import { balanceInquiry } from './balance-inquiry.ts';
import { batchUploadEnd } from './batch-upload-end.ts';
import { batchUpload } from './batch-upload.ts';
import { completion } from './completion.ts';
import { echoTest } from './echo-test.ts';
import { messageTypeOf, networkCodeOf } from './field-60.ts';
import type { MessageHandler } from './handler.ts';
import { preAuthorisation } from './pre-authorisation.ts';
import { refund } from './refund.ts';
import { reversal } from './reversal.ts';
import { sale } from './sale.ts';
import { settlement } from './settlement.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { voidSale } from './void.ts';

/**
 * Route → handler. A route is the request MTI, then `/` and the code that tells transactions
 * of one MTI apart: 60.3 (network management code) for 08xx and 03xx, 60.1 (message type
 * code) otherwise. An MTI alone is the fallback for its codes not listed. A message type the
 * host learns is one more file and one more line here.
 */
export const handlers: ReadonlyMap<string, MessageHandler> = new Map([
  ['0800', signIn],
  ['0820/002', signOut],
  ['0820/301', echoTest],
  ['0200', sale],
  ['0200/01', balanceInquiry],
  ['0200/23', voidSale],
  ['0200/20', completion],
  ['0220/25', refund],
  ['0220/36', offlineAdvice],
  ['0100/10', preAuthorisation],
  ['0400', reversal],
  ['0500', settlement],
  ['0320/202', batchUpload],
  ['0320/207', batchUploadEnd],
]);

export function handlerFor(message: IsoMessage): MessageHandler | undefined {
  const byNetworkCode = message.mti.startsWith('08') || message.mti.startsWith('03');
  const code = byNetworkCode ? networkCodeOf(message.fields[60]) : messageTypeOf(message.fields[60]);
  return (code !== undefined ? handlers.get(`${message.mti}/${code}`) : undefined) ?? handlers.get(message.mti);
}
