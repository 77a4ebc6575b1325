import type { EventDetail, EventSink } from '../../platform/events.ts';
import { PoslabError } from '../../platform/errors.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { Iso8583Error } from '../../protocol/iso8583/errors.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { ResponseCode } from '../response-codes.ts';
import { answerHeader, answerMti, echoFields, packAnswer } from './answer.ts';
import { handlerFor } from './dispatch.ts';
import { readEnvelope } from './envelope.ts';
import type { HandlerAnswer, HostContext, InboundRequest } from './handler.ts';

/** A request's answer bytes and how long they wait: a slow issuer's answer leaves late. */
export interface Reply {
  readonly bytes: Uint8Array;
  readonly delayMs: number;
}

/** Repeats (last MTI digit 1) of requests the terminal may repeat; each is handled as its original. */
const repeats: ReadonlyMap<string, string> = new Map([
  ['0201', '0200'],
  ['0221', '0220'],
  ['0101', '0100'],
  ['0401', '0400'],
]);

/**
 * One request's bytes in, the answer's bytes out (or nothing): the host's message handling
 * with no I/O, so the same code serves an in-memory link, a TCP socket or a direct call.
 * Bytes that do not unpack get a format-error answer when their header and MTI can be read;
 * a handler that fails answers 96 rather than leaving the terminal to time out.
 */
export function exchange(bytes: Uint8Array, context: HostContext, events: EventSink): Reply | undefined {
  let request: InboundRequest;
  let receivedMti: string;
  try {
    const { header, message } = unpackMessage(context.dialect, bytes);
    receivedMti = message.mti;
    const original = repeats.get(message.mti);
    request = { header, message: original ? { ...message, mti: original } : message, bytes, repeat: original !== undefined };
  } catch (error) {
    if (!(error instanceof Iso8583Error)) throw error;
    const packed = formatError(bytes, error, context, events);
    return packed && { bytes: packed, delayMs: 0 };
  }

  events('host', 'request', requestDetail(request.message, receivedMti));
  const mti = answerMti(request.message.mti);
  if (mti === undefined) return undefined;
  const header = answerHeader(request.header);
  const handler = handlerFor(request.message);
  try {
    const answer = handler ? handler(request, context) : refusal(request.message, mti, ResponseCode.invalidTransaction);
    const packed = packAnswer(context.dialect, answer.message, header, answer.macKey);
    respond(answer.message, events);
    return { bytes: packed, delayMs: answer.delayMs ?? 0 };
  } catch (error) {
    events('host', 'error', { mti: request.message.mti, code: error instanceof PoslabError ? error.code : 'UNEXPECTED' });
    const answer = refusal(request.message, mti, ResponseCode.systemMalfunction);
    const packed = packAnswer(context.dialect, answer.message, header);
    respond(answer.message, events);
    return { bytes: packed, delayMs: 0 };
  }
}

function formatError(bytes: Uint8Array, error: Iso8583Error, context: HostContext, events: EventSink): Uint8Array | undefined {
  events('host', 'format-error', {
    code: error.code,
    offset: error.offset,
    ...(error.field !== undefined && { field: error.field }),
  });
  const envelope = readEnvelope(context.dialect, bytes);
  if (!envelope) return undefined;
  const message: IsoMessage = { mti: envelope.answerMti, fields: { 39: ResponseCode.formatError } };
  respond(message, events);
  return packAnswer(context.dialect, message, answerHeader(envelope.header));
}

/** An answer that only says no: the request's identifying fields and a response code. */
function refusal(request: IsoMessage, mti: string, code: ResponseCode): HandlerAnswer {
  return { message: { mti, fields: { ...echoFields(request, [11, 41, 42]), 39: code } } };
}

/** The MTI as it arrived: a repeat shows as 0201, not as the 0200 it is handled as. */
function requestDetail(message: IsoMessage, receivedMti: string): EventDetail {
  const detail: Record<string, string> = { mti: receivedMti };
  const stan = message.fields[11];
  const terminal = message.fields[41];
  if (typeof stan === 'string') detail['stan'] = stan;
  if (typeof terminal === 'string') detail['terminal'] = terminal;
  return detail;
}

function respond(message: IsoMessage, events: EventSink): void {
  const code = message.fields[39];
  events('host', 'response', typeof code === 'string' ? { mti: message.mti, code } : { mti: message.mti });
}
