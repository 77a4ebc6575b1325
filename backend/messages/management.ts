import { ResponseCode } from '../response-codes.ts';
import type { TerminalRecord } from '../store/host-store.ts';
import { echoFields } from './answer.ts';
import { text } from './financial-request.ts';
import type { HandlerAnswer, HostContext, InboundRequest } from './handler.ts';
import { hostTime } from './host-time.ts';

/**
 * The checks every 0820 shares: 11, 41 and 42 present (30), the terminal known (97) and its
 * own merchant (03). Management messages carry no MAC. Returns the terminal, or the refusal.
 */
export function managementCaller(request: InboundRequest, context: HostContext): TerminalRecord | ResponseCode {
  const { fields } = request.message;
  const terminalId = text(fields[41]);
  const merchantId = text(fields[42]);
  if (text(fields[11]) === undefined || terminalId === undefined || merchantId === undefined) return ResponseCode.formatError;
  const terminal = context.store.terminal(terminalId);
  if (!terminal) return ResponseCode.notSignedIn;
  if (terminal.merchantId !== merchantId) return ResponseCode.invalidMerchant;
  return terminal;
}

/** 0830: the request's 11, 41, 42 and 60 echoed, the host's time, the code. */
export function managementAnswer(request: InboundRequest, context: HostContext, code: ResponseCode): HandlerAnswer {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  return {
    message: {
      mti: '0830',
      fields: { ...echoFields(request.message, [11, 41, 42, 60]), 12: time.time, 13: time.date, 39: code },
    },
  };
}
