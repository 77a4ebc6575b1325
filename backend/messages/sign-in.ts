import { issueWorkingKeys } from '../keys/working-keys.ts';
import { ResponseCode } from '../response-codes.ts';
import { echoFields } from './answer.ts';
import type { HandlerAnswer, HostContext, InboundRequest, MessageHandler } from './handler.ts';
import { hostTime } from './host-time.ts';
import { newRetrievalReference } from './references.ts';

const NETWORK_SIGN_IN = '003';
const MESSAGE_TYPE = '00';

/**
 * 0800 → 0810 sign-in. A registered terminal of the right merchant gets fresh PIN and MAC
 * working keys under its master key in field 62, and the host's current batch in field 60.
 * The request carries no MAC: the keys it would need are what it asks for.
 */
export const signIn: MessageHandler = (request, context) => {
  const { fields } = request.message;
  const stan = fields[11];
  const terminalId = fields[41];
  const merchantId = fields[42];
  if (typeof stan !== 'string' || typeof terminalId !== 'string' || typeof merchantId !== 'string') {
    return answer(request, context, ResponseCode.formatError);
  }
  const terminal = context.store.terminal(terminalId);
  if (!terminal) return answer(request, context, ResponseCode.notSignedIn);
  if (terminal.merchantId !== merchantId) return answer(request, context, ResponseCode.invalidMerchant);

  const tmk = context.lmk.unwrap(terminal.tmkWrapped);
  const keys = issueWorkingKeys(context.keyRandom, tmk, context.lmk);
  tmk.fill(0);
  context.workingKeys.forget(terminalId);
  context.store.recordSignIn(terminalId, keys.stored, stan);
  return answer(request, context, ResponseCode.approved, {
    60: `${MESSAGE_TYPE}${terminal.batch}${NETWORK_SIGN_IN}`,
    62: keys.field62,
  });
};

function answer(
  request: InboundRequest,
  context: HostContext,
  code: ResponseCode,
  granted: { 60: string; 62: Uint8Array } | undefined = undefined,
): HandlerAnswer {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  return {
    message: {
      mti: '0810',
      fields: {
        ...echoFields(request.message, [11, 41, 42, 60]),
        12: time.time,
        13: time.date,
        32: context.institutionId,
        37: newRetrievalReference(context.referenceRandom),
        39: code,
        ...granted,
      },
    },
  };
}
