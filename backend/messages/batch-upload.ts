import { maskPan } from '../../protocol/iso8583/describe.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { ResponseCode } from '../response-codes.ts';
import type { UploadEntry } from '../store/host-store.ts';
import { admission, callerOf } from './admission.ts';
import { echoFields } from './answer.ts';
import { readField60 } from './field-60.ts';
import { text } from './financial-request.ts';
import type { HandlerAnswer, MessageHandler } from './handler.ts';

const PAN = /^\d{12,19}$/;

/**
 * 0320 → 0330 batch upload of one transaction (60.3 = 202), sent after an unbalanced
 * settlement: the terminal's record of it (STAN, type, amount, card, RRN, authorisation id) is
 * kept for the reconciliation that the end-of-upload message (batch-upload-end.ts) runs. The
 * card is kept as its token and masked PAN, never in clear. Uploading a STAN again replaces it.
 */
export const batchUpload: MessageHandler = (inbound, context) => {
  const caller = callerOf(inbound, context);
  const upload = readUpload(inbound.message);
  const refusal = admission(inbound, context, caller, upload?.merchantId);
  const reply = (code: ResponseCode): HandlerAnswer => ({ macKey: caller.keys?.macKey, message: uploadAnswer(inbound.message, code) });
  if (refusal !== undefined || !upload || !caller.terminal) return reply(refusal ?? ResponseCode.formatError);
  if (upload.batch !== caller.terminal.batch) return reply(ResponseCode.invalidTransaction);

  const { pan, merchantId: _merchant, ...entry } = upload;
  context.store.saveUpload({
    ...entry,
    terminalId: caller.terminal.terminalId,
    panToken: context.tokens.panToken(pan),
    panMasked: maskPan(pan),
    createdAt: context.clock.now(),
  });
  return reply(ResponseCode.approved);
};

interface UploadRequest extends Omit<UploadEntry, 'terminalId' | 'panToken' | 'panMasked' | 'createdAt'> {
  readonly pan: string;
  readonly merchantId: string;
}

/** Field 2 must hold the clear PAN: a masked one does not even unpack as n. */
function readUpload(message: IsoMessage): UploadRequest | undefined {
  const { fields } = message;
  const reserved = readField60(fields[60]);
  const pan = text(fields[2]);
  const amountMinor = Number(text(fields[4]) ?? Number.NaN);
  const stan = text(fields[11]);
  const processingCode = text(fields[3]);
  const merchantId = text(fields[42]);
  if (pan === undefined || !PAN.test(pan) || !Number.isSafeInteger(amountMinor) || reserved?.batch === undefined) return undefined;
  if (stan === undefined || processingCode === undefined || merchantId === undefined) return undefined;
  return {
    pan,
    merchantId,
    batch: reserved.batch,
    stan,
    messageType: reserved.messageType,
    processingCode,
    amountMinor,
    rrn: text(fields[37]),
    authCode: text(fields[38]),
  };
}

/** 0330: 11, 41, 42 and 60 echoed, and the code. */
export function uploadAnswer(request: IsoMessage, code: ResponseCode, field60?: string): IsoMessage {
  return {
    mti: '0330',
    fields: { ...echoFields(request, [11, 41, 42, 60]), 39: code, ...(field60 !== undefined && { 60: field60 }) },
  };
}

