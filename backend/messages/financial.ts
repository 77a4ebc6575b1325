import type { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
import type { TdesKey } from '../../protocol/crypto/tdes.ts';
import { maskPan } from '../../protocol/iso8583/describe.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { HostError } from '../host-errors.ts';
import { authorise, type IssuerDecision } from '../issuer/authorise.ts';
import { cryptogramFails } from '../issuer/cryptogram.ts';
import { ResponseCode } from '../response-codes.ts';
import type { CardRecord, TerminalRecord, TransactionType } from '../store/host-store.ts';
import { authentication, callerOf } from './admission.ts';
import { financialAnswer } from './financial-answer.ts';
import type { References } from './financial-answer.ts';
import { readFinancialRequest, text } from './financial-request.ts';
import type { FinancialRequest } from './financial-request.ts';
import type { HandlerAnswer, HostContext, InboundRequest, MessageHandler } from './handler.ts';
import { hostTime } from './host-time.ts';
import { newAuthorisationCode, newRetrievalReference } from './references.ts';
import { replayAnswer, storableAnswer } from './stored-answer.ts';

/** What a kind of transaction decides from, inside the store transaction. */
export interface BookingInput {
  readonly request: FinancialRequest;
  readonly context: HostContext;
  readonly terminal: TerminalRecord;
  readonly pinKey: TdesKey;
  readonly panToken: string;
  readonly card: CardRecord | undefined;
  /** The host's date as YYMM. */
  readonly today: string;
}

export interface Outcome {
  readonly code: ResponseCode;
  /** The amount booked: what was approved, else what was asked (0 for a balance inquiry). */
  readonly amountMinor: number;
  readonly pinTries?: number;
  readonly delayMs?: number;
  readonly originalId?: number;
  readonly holdMinor?: number;
  /** Answer fields beyond the common ones: 4 on a partial approval, 54 for a balance. */
  readonly fields?: Partial<Record<number, string>>;
  /** Moves the money of an approval; runs after its journal row is written, in the same transaction. */
  readonly apply?: () => void;
}

export interface FinancialKind {
  readonly type: TransactionType;
  readonly processingCode: string;
  /** Field 4 must be there and above zero, else 30. */
  readonly needsAmount: boolean;
  decide(input: BookingInput): Outcome;
}

export const isApproval = (code: string): boolean => code === ResponseCode.approved || code === ResponseCode.partialApproval;

/** Asks the issuer to take or hold the request's amount (sale, pre-authorisation). */
export function debitDecision({ request, context, pinKey, card, today }: BookingInput): IssuerDecision {
  const ask = { kind: 'debit' as const, amountMinor: request.amountMinor ?? 0 };
  return authorise({ pan: request.pan, pinBlock: request.pinBlock, pinKey, today, ask }, card, context.tokens);
}

/** An issuer decision as an outcome, with the money move to run if it approved. */
export function issuerOutcome(decision: IssuerDecision, requestedMinor: number, apply: () => void): Outcome {
  const approved = isApproval(decision.code);
  return {
    code: decision.code,
    amountMinor: approved ? decision.approvedMinor : requestedMinor,
    delayMs: decision.delayMs,
    pinTries: decision.pinTries,
    apply: approved ? apply : undefined,
  };
}

/**
 * One pipeline for every request that moves (or shows) money: 0200 sale, balance, void and
 * completion, 0220 refund, 0100 pre-authorisation. Theory of operation: first decide whether
 * the request is authentic (30, 97, A0); until then nothing is written. A repeat whose
 * original is journaled gets the stored answer and nothing else happens. Otherwise, in one
 * transaction that commits before the answer is packed: risk control screens the request
 * (a refusal is journaled as a decline), field 42 must be the terminal's merchant (03, not
 * journaled), then the kind decides and the journal row (with the answer it carries), the PIN
 * try counter and the money are written together. The journal's unique (terminal, batch,
 * STAN, MTI) makes a reused STAN a 94, never a second booking.
 */
export function financialHandler(kind: FinancialKind): MessageHandler {
  return (inbound, context) => {
    const caller = callerOf(inbound, context);
    const macKey = caller.keys?.macKey;

    const read = readFinancialRequest(inbound.message);
    const request = read && (!kind.needsAmount || (read.amountMinor ?? 0) > 0) ? read : undefined;
    const refusal = authentication(inbound, context, caller, request?.merchantId);
    if (refusal !== undefined || !request || !caller.terminal || !caller.keys) {
      return refuse(inbound, context, macKey, refusal ?? ResponseCode.formatError);
    }
    const { terminal, keys } = caller;

    if (request.processingCode !== kind.processingCode) {
      recordStan(context, terminal, request);
      return refuse(inbound, context, macKey, ResponseCode.invalidTransaction);
    }

    if (inbound.repeat) {
      const original = context.store.journalEntry({ ...key(request), mti: inbound.message.mti });
      if (original) {
        recordStan(context, terminal, request);
        const message = original.answer
          ? replayAnswer(original.answer, inbound.message)
          : financialAnswer(inbound.message, context, original.responseCode as ResponseCode, original);
        return { macKey, message };
      }
    }

    try {
      return context.store.transaction((): HandlerAnswer => {
        recordStan(context, terminal, request);
        const booking = { context, terminal, pinKey: keys.pinKey, inbound: inbound.message, mti: inbound.message.mti };
        const answer = book(kind, request, booking);
        if (!answer) return refuse(inbound, context, macKey, ResponseCode.invalidMerchant);
        return { macKey, message: answer.message, delayMs: answer.delayMs };
      });
    } catch (error) {
      if (error instanceof HostError && error.code === 'HOST_DUPLICATE') {
        recordStan(context, terminal, request);
        return refuse(inbound, context, macKey, ResponseCode.duplicate);
      }
      throw error;
    }
  };
}

// refuse and recordStan are module functions rather than closures made per request: under tsx
// each named closure also costs a name property, together some 600 bytes a sale.
function refuse(inbound: InboundRequest, context: HostContext, macKey: RetailMacKey | undefined, code: ResponseCode): HandlerAnswer {
  return { macKey, message: financialAnswer(inbound.message, context, code) };
}

/** The terminal's last STAN is written with the booking when there is one, so a request costs one commit. */
function recordStan(context: HostContext, terminal: TerminalRecord, request: FinancialRequest): void {
  context.store.recordStan(terminal.terminalId, request.stan);
}

function key(request: FinancialRequest) {
  return { terminalId: request.terminalId, batch: request.batch, stan: request.stan };
}

interface Booking {
  readonly context: HostContext;
  readonly terminal: TerminalRecord;
  readonly pinKey: TdesKey;
  readonly inbound: IsoMessage;
  readonly mti: string;
}

/** Returns undefined for a request of another merchant that risk control let through: 03. */
function book(kind: FinancialKind, request: FinancialRequest, at: Booking): { message: IsoMessage; delayMs: number } | undefined {
  const { context, terminal, mti } = at;
  const { store } = context;
  const panToken = context.tokens.panToken(request.pan);
  const panMasked = maskPan(request.pan);
  const requestedMinor = request.amountMinor ?? 0;
  // Plain literals rather than spreads here and below: a spread followed by many properties
  // builds the object one map transition at a time, which showed in the host's profile.
  const screened = context.screen?.({
    terminalId: request.terminalId,
    batch: request.batch,
    stan: request.stan,
    merchantId: request.merchantId,
    panToken,
    panMasked,
    location: text(at.inbound.fields[59]),
  });
  if (screened?.code === undefined && request.merchantId !== terminal.merchantId) return undefined;

  const card = store.card(panToken);
  const refused =
    screened?.code ??
    (notBookable(request, terminal, mti, context) ? ResponseCode.invalidTransaction : undefined) ??
    (card && cryptogramFails(request, context.issuerMasterKey) ? ResponseCode.doNotHonour : undefined);
  const outcome: Outcome =
    refused !== undefined
      ? { code: refused, amountMinor: requestedMinor }
      : kind.decide({ request, context, terminal, pinKey: at.pinKey, panToken, card, today: hostTime(context.clock, context.utcOffsetMinutes).yearMonth });
  const approved = isApproval(outcome.code);
  const references: References = {
    rrn: newRetrievalReference(context.referenceRandom),
    authCode: approved ? newAuthorisationCode(context.referenceRandom) : undefined,
  };
  const message = financialAnswer(at.inbound, context, outcome.code, references, outcome.fields);

  // The journal row goes first: a reused STAN fails here, before any balance or counter moves.
  store.appendJournal({
    terminalId: request.terminalId,
    batch: request.batch,
    stan: request.stan,
    mti,
    merchantId: request.merchantId,
    type: kind.type,
    processingCode: request.processingCode,
    amountMinor: outcome.amountMinor,
    requestedMinor,
    panMasked,
    panToken,
    entryMode: request.entryMode,
    responseCode: outcome.code,
    authCode: references.authCode,
    rrn: references.rrn,
    createdAt: context.clock.now(),
    status: approved ? 'approved' : 'declined',
    originalId: outcome.originalId,
    holdMinor: approved ? (outcome.holdMinor ?? 0) : 0,
    answer: storableAnswer(message),
  });
  if (card && outcome.pinTries !== undefined) store.setPinTries(panToken, outcome.pinTries);
  if (approved) outcome.apply?.();
  return { message, delayMs: outcome.delayMs ?? 0 };
}

/**
 * Money goes only into the terminal's open batch: a closed batch has been settled and a
 * booking there would never be. A request the terminal already reversed (the reversal overtook
 * it on the wire) is not booked either.
 */
function notBookable(request: FinancialRequest, terminal: TerminalRecord, mti: string, context: HostContext): boolean {
  if (request.batch !== terminal.batch) return true;
  return context.store.reversal({ terminalId: request.terminalId, batch: request.batch, stan: request.stan, originalMti: mti }) !== undefined;
}
