import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { ResponseCode } from '../response-codes.ts';
import { admission, callerOf } from './admission.ts';
import { echoFields } from './answer.ts';
import { field60, readField60 } from './field-60.ts';
import { text } from './financial-request.ts';
import type { HandlerAnswer, HostContext, MessageHandler } from './handler.ts';
import { hostTime } from './host-time.ts';
import { newRetrievalReference } from './references.ts';
import { nextBatch, readTotals, sameTotals } from './settlement-fields.ts';

const SETTLEMENT = '201';
const MANAGEMENT = '00';
/** Field 48's result digit. */
const BALANCED = '1';
const UNBALANCED = '2';
const ERROR = '3';

/**
 * 0500 → 0510 settlement. The terminal's totals (field 48) are compared with the host's for
 * the same terminal and batch: approved sales and completions debit, refunds credit, voided
 * and reversed ones count in neither. Balanced (1): the batch closes at once and the answer's
 * 60.2 is the next batch. Unbalanced (2): the batch stays open for the terminal's batch upload
 * (batch-upload.ts), which ends with the 207 that closes it. A batch the host has already
 * closed gets the result it got then; a batch that is not the terminal's open one gets 3.
 */
export const settlement: MessageHandler = (inbound, context) => {
  const caller = callerOf(inbound, context);
  const { fields } = inbound.message;
  const reserved = readField60(fields[60]);
  const totals = readTotals(fields[48]);
  const wellFormed = text(fields[11]) !== undefined && reserved?.batch !== undefined && reserved.networkCode === SETTLEMENT && totals;
  const refusal = admission(inbound, context, caller, wellFormed ? text(fields[42]) : undefined);
  const reply = (code: ResponseCode, result?: { digit: string; batch: string }): HandlerAnswer => ({
    macKey: caller.keys?.macKey,
    message: settlementAnswer(inbound.message, context, code, result),
  });
  if (refusal !== undefined || !caller.terminal || !totals || reserved?.batch === undefined) {
    return reply(refusal ?? ResponseCode.formatError);
  }

  const { store } = context;
  const { terminal } = caller;
  const batch = reserved.batch;
  const stan = fields[11] as string;
  store.recordStan(terminal.terminalId, stan);
  const earlier = store.settlement(terminal.terminalId, batch);
  if (earlier?.state === 'closed') return reply(ResponseCode.approved, { digit: earlier.result, batch: earlier.nextBatch ?? terminal.batch });
  if (batch !== terminal.batch) return reply(ResponseCode.approved, { digit: ERROR, batch: terminal.batch });

  return store.transaction(() => {
    const hostTotals = store.batchTotals(terminal.terminalId, batch);
    const balanced = sameTotals(hostTotals, totals);
    const now = context.clock.now();
    const next = balanced ? nextBatch(batch) : undefined;
    store.saveSettlement({
      terminalId: terminal.terminalId,
      merchantId: terminal.merchantId,
      batch,
      stan,
      terminalTotals: totals,
      hostTotals,
      result: balanced ? BALANCED : UNBALANCED,
      state: balanced ? 'closed' : 'awaiting-upload',
      settledTotals: balanced ? hostTotals : undefined,
      nextBatch: next,
      createdAt: earlier?.createdAt ?? now,
      closedAt: balanced ? now : undefined,
    });
    if (next) store.openBatch(terminal.terminalId, next);
    return reply(ResponseCode.approved, { digit: balanced ? BALANCED : UNBALANCED, batch: next ?? batch });
  });
};

function settlementAnswer(request: IsoMessage, context: HostContext, code: ResponseCode, result?: { digit: string; batch: string }): IsoMessage {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  const totals = text(request.fields[48])?.slice(0, 30);
  return {
    mti: '0510',
    fields: {
      ...echoFields(request, [11, 41, 42, 60]),
      12: time.time,
      13: time.date,
      15: time.date,
      37: newRetrievalReference(context.referenceRandom),
      39: code,
      ...(result && totals !== undefined && { 48: `${totals}${result.digit}`, 60: field60(MANAGEMENT, result.batch, SETTLEMENT) }),
    },
  };
}
