import { maskPan } from '../../protocol/iso8583/describe.ts';
import { decodeTlv, findTag } from '../../protocol/emv/tlv.ts';
import { HostError } from '../host-errors.ts';
import { cryptogramFails } from '../issuer/cryptogram.ts';
import { ResponseCode } from '../response-codes.ts';
import type { JournalStatus, TerminalRecord } from '../store/host-store.ts';
import { authentication, callerOf } from './admission.ts';
import { financialAnswer } from './financial-answer.ts';
import { readFinancialRequest } from './financial-request.ts';
import type { FinancialRequest } from './financial-request.ts';
import type { HandlerAnswer, HostContext, InboundRequest, MessageHandler } from './handler.ts';
import { newRetrievalReference } from './references.ts';
import { replayAnswer, storableAnswer } from './stored-answer.ts';

/** 60.1 of an offline sale advice. */
export const OFFLINE_SALE_ADVICE = '36';
const ADVICE_MTI = '0220';
const SALE_PROCESSING_CODE = '000000';
/** 9F27, the cryptogram information data: its top two bits say TC (01). */
const CID_TC = 0x40;

/** What the issuer makes of an advice: booked (the card is debited), or journaled as declined with why. */
interface Verdict {
  readonly status: JournalStatus;
  readonly code: ResponseCode;
}

function isTc(iccData: Uint8Array): boolean {
  try {
    const cid = findTag(decodeTlv(iccData), '9F27')?.value[0];
    return cid !== undefined && (cid & 0xc0) === CID_TC;
  } catch {
    return false;
  }
}

/**
 * The card's offline approval stands only if the issuer can prove it: a TC (not an ARQC) for
 * this amount that verifies under the issuer master key, like an ARQC, from a card it knows.
 * Anything else is declined (05; 14 for an unknown card) and no money moves.
 */
function verdictOf(request: FinancialRequest, context: HostContext, cardKnown: boolean): Verdict {
  if (!cardKnown) return { status: 'declined', code: ResponseCode.invalidCard };
  if (!request.chip || !isTc(request.chip.iccData) || cryptogramFails(request, context.issuerMasterKey)) {
    return { status: 'declined', code: ResponseCode.doNotHonour };
  }
  return { status: 'approved', code: ResponseCode.approved };
}

/**
 * 0220 → 0230 offline sale advice (60.1 = 36): a chip card approved a sale offline with a TC and
 * the terminal reports it (store-and-forward). Theory of operation: authentication first (30,
 * 97, A0; field 55 and a positive field 4 are needed, processing code 000000 else 12) — nothing
 * is written before. The advice is then idempotent on terminal, batch and STAN: one already
 * journaled, whether this is a 0221 repeat or the 0220 sent again after a power cut, gets the
 * stored answer and changes nothing. Otherwise, in one store transaction: field 42 must be the
 * terminal's merchant (03) and 60.2 its open batch (12), neither journaled; then the issuer's
 * verdict is journaled (type sale, MTI 0220) and, booked, the card is debited by field 4 — also
 * below what it may spend, since the card already approved. Risk control does not screen an
 * advice: the sale has happened. The answer is `00` once the advice is journaled, booked or not:
 * a declined advice (a TC that does not verify) is a dispute for the back office, and
 * the terminal sending it again could change nothing; the settlement leaves it out of the
 * host's totals and the batch upload names it.
 */
export const offlineAdvice: MessageHandler = (inbound, context) => {
  const caller = callerOf(inbound, context);
  const macKey = caller.keys?.macKey;
  const refuse = (code: ResponseCode): HandlerAnswer => ({ macKey, message: financialAnswer(inbound.message, context, code) });

  const read = readFinancialRequest(inbound.message);
  const request = read && (read.amountMinor ?? 0) > 0 && read.chip ? read : undefined;
  const refusal = authentication(inbound, context, caller, request?.merchantId);
  if (refusal !== undefined || !request || !caller.terminal) return refuse(refusal ?? ResponseCode.formatError);
  const { terminal } = caller;

  context.store.recordStan(terminal.terminalId, request.stan);
  if (request.processingCode !== SALE_PROCESSING_CODE) return refuse(ResponseCode.invalidTransaction);

  const replay = answerAgain(inbound, context, request);
  if (replay) return { macKey, message: replay };
  try {
    return context.store.transaction((): HandlerAnswer => ({ macKey, message: book(inbound, context, request, terminal) }));
  } catch (error) {
    if (error instanceof HostError && error.code === 'HOST_DUPLICATE') return refuse(ResponseCode.duplicate);
    throw error;
  }
};

/** The stored answer of an advice already journaled; a row of another kind under that key is not this advice's. */
function answerAgain(inbound: InboundRequest, context: HostContext, request: FinancialRequest) {
  const row = context.store.journalEntry({ terminalId: request.terminalId, batch: request.batch, stan: request.stan, mti: ADVICE_MTI });
  if (!row?.answer || row.type !== 'sale') return undefined;
  return replayAnswer(row.answer, inbound.message);
}

function book(inbound: InboundRequest, context: HostContext, request: FinancialRequest, terminal: TerminalRecord) {
  if (request.merchantId !== terminal.merchantId) return financialAnswer(inbound.message, context, ResponseCode.invalidMerchant);
  if (request.batch !== terminal.batch) return financialAnswer(inbound.message, context, ResponseCode.invalidTransaction);
  const { store } = context;
  const panToken = context.tokens.panToken(request.pan);
  const amountMinor = request.amountMinor ?? 0;
  const verdict = verdictOf(request, context, store.card(panToken) !== undefined);
  const rrn = newRetrievalReference(context.referenceRandom);
  const message = financialAnswer(inbound.message, context, ResponseCode.approved, { rrn, authCode: undefined });
  store.appendJournal({
    terminalId: request.terminalId,
    batch: request.batch,
    stan: request.stan,
    mti: ADVICE_MTI,
    merchantId: request.merchantId,
    type: 'sale',
    processingCode: request.processingCode,
    amountMinor,
    requestedMinor: amountMinor,
    panMasked: maskPan(request.pan),
    panToken,
    entryMode: request.entryMode,
    responseCode: verdict.code,
    authCode: undefined,
    rrn,
    createdAt: context.clock.now(),
    status: verdict.status,
    originalId: undefined,
    holdMinor: 0,
    answer: storableAnswer(message),
  });
  if (verdict.status === 'approved') store.adjustBalance(panToken, -amountMinor);
  return message;
}
