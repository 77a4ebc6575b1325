import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { ResponseCode } from '../response-codes.ts';
import type { JournalRow, ReversalOutcome, TransactionType } from '../store/host-store.ts';
import { admission, callerOf } from './admission.ts';
import { echoFields } from './answer.ts';
import { readField60 } from './field-60.ts';
import { cardFrom, text } from './financial-request.ts';
import type { HandlerAnswer, HostContext, MessageHandler } from './handler.ts';
import { hostTime } from './host-time.ts';
import { newRetrievalReference } from './references.ts';
import { replayAnswer, storableAnswer } from './stored-answer.ts';
import { undoBlocker, undoBooking } from './undo-booking.ts';

/** 60.1 of the reversed request → its MTI and journal type. */
const originals: Readonly<Record<string, { mti: string; type: TransactionType }>> = {
  '22': { mti: '0200', type: 'sale' },
  '23': { mti: '0200', type: 'void' },
  '20': { mti: '0200', type: 'completion' },
  '01': { mti: '0200', type: 'balance' },
  '25': { mti: '0220', type: 'refund' },
  '10': { mti: '0100', type: 'preauth' },
};
const PRE_AUTH_CODE = '030000';
const OTHER_REASON = '06';

interface ReversalRequest {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly originalMti: string;
  readonly originalType: TransactionType | undefined;
  readonly amountMinor: number | undefined;
  readonly pan: string | undefined;
  /** Field 39: 98 no answer, 96 terminal fault, A0 answer MAC failed, 06 other. */
  readonly reason: string;
}

/**
 * 0400 → 0410 reversal, and 0401 its repeat. Theory of operation: the reversal names its
 * original by terminal, batch (60.2), STAN and type (60.1); if that original was approved and
 * can still be undone, its money is undone exactly once (undo-booking.ts) and it is marked
 * reversed with the reason. Whatever was found, the answer is 00: "nothing to reverse" is
 * a success for the terminal. The reversal and its answer are recorded with the undo in one
 * transaction, so a second 0400 or a 0401 for the same original gets that answer again and
 * changes nothing, before or after a restart.
 */
export const reversal: MessageHandler = (inbound, context) => {
  const caller = callerOf(inbound, context);
  const macKey = caller.keys?.macKey;
  const request = readReversal(inbound.message);
  const refusal = admission(inbound, context, caller, request?.merchantId);
  if (refusal !== undefined || !request) {
    return { macKey, message: reversalAnswer(inbound.message, context, refusal ?? ResponseCode.formatError) };
  }

  const { store } = context;
  const key = { terminalId: request.terminalId, batch: request.batch, stan: request.stan, originalMti: request.originalMti };
  const earlier = store.reversal(key);
  if (earlier) return { macKey, message: replayAnswer(earlier.answer, inbound.message) };

  return store.transaction((): HandlerAnswer => {
    const original = store.journalEntry({ ...key, mti: request.originalMti });
    const outcome = judge(original, request, context);
    const at = context.clock.now();
    if (original && outcome === 'reversed') undoBooking(store, original, request.reason, at);
    const message = reversalAnswer(inbound.message, context, ResponseCode.approved);
    store.appendReversal({
      ...key,
      reason: request.reason,
      originalId: original?.id,
      outcome,
      createdAt: at,
      answer: storableAnswer(message),
    });
    return { macKey, message };
  });
};

function judge(original: JournalRow | undefined, request: ReversalRequest, context: HostContext): ReversalOutcome {
  if (!original || !sameTransaction(original, request, context)) return 'not-found';
  return undoBlocker(original) ?? 'reversed';
}

/** The fields the reversal repeats from its original must agree with it, or it names another transaction. */
function sameTransaction(original: JournalRow, request: ReversalRequest, context: HostContext): boolean {
  if (request.originalType !== undefined && original.type !== request.originalType) return false;
  if (request.pan !== undefined && context.tokens.panToken(request.pan) !== original.panToken) return false;
  const { amountMinor } = request;
  return amountMinor === undefined || amountMinor === original.requestedMinor || amountMinor === original.amountMinor;
}

function readReversal(message: IsoMessage): ReversalRequest | undefined {
  const { fields } = message;
  const processingCode = text(fields[3]);
  const stan = text(fields[11]);
  const terminalId = text(fields[41]);
  const merchantId = text(fields[42]);
  const reserved = readField60(fields[60]);
  const amount = text(fields[4]);
  if (processingCode === undefined || stan === undefined || terminalId === undefined || merchantId === undefined) return undefined;
  if (reserved?.batch === undefined) return undefined;
  const original = originals[reserved.messageType];
  return {
    terminalId,
    merchantId,
    batch: reserved.batch,
    stan,
    originalMti: original?.mti ?? (processingCode === PRE_AUTH_CODE ? '0100' : '0200'),
    originalType: original?.type,
    amountMinor: amount === undefined ? undefined : Number(amount),
    pan: cardFrom(fields)?.pan,
    reason: text(fields[39]) ?? OTHER_REASON,
  };
}

function reversalAnswer(request: IsoMessage, context: HostContext, code: ResponseCode): IsoMessage {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  return {
    mti: '0410',
    fields: {
      ...echoFields(request, [3, 4, 11, 41, 42, 60]),
      12: time.time,
      13: time.date,
      32: context.institutionId,
      37: newRetrievalReference(context.referenceRandom),
      39: code,
    },
  };
}
