import { ResponseCode } from '../response-codes.ts';
import type { MessageHandler } from './handler.ts';
import { managementAnswer, managementCaller } from './management.ts';

/** 0820 → 0830 echo test (60.3 = 301): a known terminal of the right merchant gets 00; nothing changes. */
export const echoTest: MessageHandler = (request, context) => {
  const terminal = managementCaller(request, context);
  return managementAnswer(request, context, typeof terminal === 'string' ? terminal : ResponseCode.approved);
};
