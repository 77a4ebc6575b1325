import type { EventDetail, EventSink } from '../../platform/events.ts';
import { PoslabError } from '../../platform/errors.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { Iso8583Error } from '../../protocol/iso8583/errors.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { ResponseCode } from '../response-codes.ts';
import { answerHeader, answerMti, echoFields, packAnswer } from './answer.ts';
import { handlers } from './dispatch.ts';
import { readEnvelope } from './envelope.ts';
import type { HandlerAnswer, HostContext, InboundRequest } from './handler.ts';

/**
 * One request's bytes in, the answer's bytes out (or nothing): the host's message handling
 * with no I/O, so the same code serves an in-memory link, a TCP socket or a direct call.
 * Bytes that do not unpack get a format-error answer when their header and MTI can be read;
 * a handler that fails answers 96 rather than leaving the terminal to time out.
 */
export function exchange(bytes: Uint8Array, context: HostContext, events: EventSink): Uint8Array | undefined {
  let request: InboundRequest;
  try {
    const { header, message } = unpackMessage(context.dialect, bytes);
    request = { header, message, bytes };
  } catch (error) {
    if (!(error instanceof Iso8583Error)) throw error;
    return formatError(bytes, error, context, events);
  }

  events('host', 'request', requestDetail(request.message));
  const mti = answerMti(request.message.mti);
  if (mti === undefined) return undefined;
  const header = answerHeader(request.header);
  const handler = handlers.get(request.message.mti);
  try {
    const answer = handler ? handler(request, context) : refusal(request.message, mti, ResponseCode.invalidTransaction);
    const packed = packAnswer(context.dialect, answer.message, header, answer.macKey);
    respond(answer.message, events);
    return packed;
  } catch (error) {
    events('host', 'error', { mti: request.message.mti, code: error instanceof PoslabError ? error.code : 'UNEXPECTED' });
    const answer = refusal(request.message, mti, ResponseCode.systemMalfunction);
    const packed = packAnswer(context.dialect, answer.message, header);
    respond(answer.message, events);
    return packed;
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

function requestDetail(message: IsoMessage): EventDetail {
  const stan = message.fields[11];
  const terminal = message.fields[41];
  return {
    mti: message.mti,
    ...(typeof stan === 'string' && { stan }),
    ...(typeof terminal === 'string' && { terminal }),
  };
}

function respond(message: IsoMessage, events: EventSink): void {
  const code = message.fields[39];
  events('host', 'response', { mti: message.mti, ...(typeof code === 'string' && { code }) });
}
