import { ResponseCode } from '../response-codes.ts';
import { admission, callerOf } from './admission.ts';
import { uploadAnswer } from './batch-upload.ts';
import { field60, readField60 } from './field-60.ts';
import { text } from './financial-request.ts';
import type { HandlerAnswer, MessageHandler } from './handler.ts';
import { reconcileBatch } from './reconciliation.ts';

const END_OF_UPLOAD = '207';
const MANAGEMENT = '00';
const COUNT = /^\d+/;

/**
 * 0320 → 0330 end of batch upload (60.3 = 207, field 48 the number of transactions sent). It
 * closes the batch an unbalanced settlement left open, reconciled against the upload
 * (reconciliation.ts), and the answer's 60.2 is the next batch. Sent again for a batch already
 * closed, it gets the same answer; with no unbalanced settlement to finish it is 12.
 */
export const batchUploadEnd: MessageHandler = (inbound, context) => {
  const caller = callerOf(inbound, context);
  const { fields } = inbound.message;
  const reserved = readField60(fields[60]);
  const count = COUNT.exec(text(fields[48]) ?? '');
  const wellFormed = text(fields[11]) !== undefined && reserved?.batch !== undefined && count !== null;
  const refusal = admission(inbound, context, caller, wellFormed ? text(fields[42]) : undefined);
  const reply = (code: ResponseCode, batch?: string): HandlerAnswer => ({
    macKey: caller.keys?.macKey,
    message: uploadAnswer(inbound.message, code, batch === undefined ? undefined : field60(MANAGEMENT, batch, END_OF_UPLOAD)),
  });
  if (refusal !== undefined || !caller.terminal || !count || reserved?.batch === undefined) return reply(refusal ?? ResponseCode.formatError);

  const { store } = context;
  const { terminal } = caller;
  const batch = reserved.batch;
  const settlement = store.settlement(terminal.terminalId, batch);
  if (settlement?.state === 'closed') return reply(ResponseCode.approved, settlement.nextBatch);
  if (!settlement || batch !== terminal.batch) return reply(ResponseCode.invalidTransaction);

  return store.transaction(() => {
    reconcileBatch(store, settlement, Number(count[0]), context.clock.now());
    return reply(ResponseCode.approved, store.settlement(terminal.terminalId, batch)?.nextBatch);
  });
};
