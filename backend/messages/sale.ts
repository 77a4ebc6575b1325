import { maskPan } from '../../protocol/iso8583/describe.ts';
import { HostError } from '../host-errors.ts';
import { authorizeSale } from '../issuer/authorize-sale.ts';
import { openWorkingKeys } from '../keys/working-keys.ts';
import { ResponseCode } from '../response-codes.ts';
import { echoFields } from './answer.ts';
import type { HandlerAnswer, HostContext, InboundRequest, MessageHandler } from './handler.ts';
import { hostTime } from './host-time.ts';
import { requestMacVerifies } from './mac.ts';
import { newAuthorisationCode, newRetrievalReference } from './references.ts';
import { cardFrom, readSaleRequest } from './sale-request.ts';
import type { SaleRequest } from './sale-request.ts';

const SALE = '000000';

/**
 * 0200 → 0210 sale. Theory of operation: first decide whether the request can be trusted at
 * all (it parses, the terminal is signed in, the merchant is its own, the MAC verifies); until
 * then nothing is written. From there every answer is journaled, and the journal row, the PIN
 * try counter and the debit are one transaction that commits before the answer is packed.
 * The journal's unique (terminal, batch, STAN, MTI) makes a repeated STAN a 94, never a
 * second booking.
 */
export const sale: MessageHandler = (request, context) => {
  const terminalId = request.message.fields[41];
  const terminal = typeof terminalId === 'string' ? context.store.terminal(terminalId) : undefined;
  // Answer with a MAC whenever the host holds a MAC key for the terminal named in field 41.
  const keys = terminal?.workingKeys && openWorkingKeys(terminal.workingKeys, context.lmk);
  const reply = (code: ResponseCode, references?: References) => answer(request, context, code, keys?.macKey, references);

  const attempt = readSaleRequest(request.message);
  if (!attempt) return reply(ResponseCode.formatError);
  if (!terminal?.signedIn || !keys) return reply(ResponseCode.notSignedIn);
  if (terminal.merchantId !== attempt.merchantId) return reply(ResponseCode.invalidMerchant);
  if (!requestMacVerifies(context.dialect, request.message, request.bytes, keys.macKey)) return reply(ResponseCode.macFailed);

  context.store.recordStan(terminal.terminalId, attempt.stan);
  if (attempt.processingCode !== SALE) return reply(ResponseCode.invalidTransaction);

  try {
    return context.store.transaction(() => book(attempt, keys.pinKey, context, reply));
  } catch (error) {
    if (error instanceof HostError && error.code === 'HOST_DUPLICATE') return reply(ResponseCode.duplicate);
    throw error;
  }
};

interface References {
  readonly rrn: string;
  readonly authCode: string | undefined;
}

function book(
  sale: SaleRequest,
  pinKey: Uint8Array,
  context: HostContext,
  reply: (code: ResponseCode, references: References) => HandlerAnswer,
): HandlerAnswer {
  const { store } = context;
  const panToken = context.tokens.panToken(sale.pan);
  const card = store.card(panToken);
  const today = hostTime(context.clock, context.utcOffsetMinutes).yearMonth;
  const decision = authorizeSale(
    { pan: sale.pan, amountMinor: sale.amountMinor, pinBlock: sale.pinBlock, pinKey, today },
    card,
    context.tokens,
  );
  const approved = decision.code === ResponseCode.approved;
  const references: References = {
    rrn: newRetrievalReference(context.referenceRandom),
    authCode: approved ? newAuthorisationCode(context.referenceRandom) : undefined,
  };
  // The journal row goes first: a repeated STAN fails here, before any balance or counter moves.
  store.appendJournal({
    terminalId: sale.terminalId,
    merchantId: sale.merchantId,
    batch: sale.batch,
    stan: sale.stan,
    mti: '0200',
    processingCode: sale.processingCode,
    amountMinor: sale.amountMinor,
    panMasked: maskPan(sale.pan),
    panToken,
    entryMode: sale.entryMode,
    responseCode: decision.code,
    authCode: references.authCode,
    rrn: references.rrn,
    createdAt: context.clock.now(),
    status: approved ? 'approved' : 'declined',
  });
  if (card && decision.pinTries !== undefined) store.setPinTries(panToken, decision.pinTries);
  if (approved) store.debit(panToken, sale.amountMinor);
  return reply(decision.code, references);
}

function answer(
  request: InboundRequest,
  context: HostContext,
  code: ResponseCode,
  macKey: Uint8Array | undefined,
  references: References | undefined,
): HandlerAnswer {
  const { message } = request;
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  const card = cardFrom(message.fields);
  return {
    macKey,
    message: {
      mti: '0210',
      fields: {
        ...echoFields(message, [3, 4, 11, 25, 41, 42, 49, 60]),
        ...(card !== undefined && { 2: card.pan }),
        ...(card?.expiry !== undefined && { 14: card.expiry }),
        12: time.time,
        13: time.date,
        32: context.institutionId,
        37: references?.rrn ?? newRetrievalReference(context.referenceRandom),
        ...(references?.authCode !== undefined && { 38: references.authCode }),
        39: code,
        44: `${context.institutionId.padEnd(11)}${context.institutionId.padEnd(11)}`,
      },
    },
  };
}
