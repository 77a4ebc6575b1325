/**
 * The financial transaction state machine: no I/O, events in, the new record and actions out.
 *
 * Theory of operation
 * -------------------
 * A financial request (sale, void, refund, pre-auth, completion) may move money at the host.
 * The terminal must always be able to answer one question: "could the host be holding money
 * for this that the customer has no receipt for?" — and if so, undo it. So:
 *
 *  1. The record is written to flash in state `sent` BEFORE the request leaves. It is the
 *     reversal record: a power cut from here on leaves enough behind to reverse.
 *  2. The answer decides: a verified `00` → `approved` (print); a verified decline →
 *     `declined` (nothing happened); no answer, or an answer whose MAC fails → `reversal-due`
 *     with reason 98 or A0. An approval without a MAC is as untrustworthy as a bad one. If the
 *     link was down and nothing left, the record is `unsent`.
 *  3. `approved` ends in `completed` once the merchant copy is printed — or once the operator,
 *     told the printer needs paper, gives up (the sale stands; a reprint is offered). A printer
 *     that does not answer at all is a terminal fault after approval: `reversal-due`, reason 96.
 *  4. A power cut freezes whatever state the record was in. At power-on, `sent` becomes
 *     `reversal-due` (06: the terminal cannot know) and `approved` becomes `reversal-due` (96).
 *  5. A reversal is acknowledged only by a `00` whose MAC verifies (the host answers `00` also
 *     when it had nothing to reverse). Anything else counts an attempt; after
 *     MAX_REVERSAL_ATTEMPTS the record is `reversal-held`: it no longer blocks the counter but
 *     is still sent before each new transaction until the host takes it.
 *  6. A financial request is never sent twice. Retrying means reversing (and 0401 repeats of
 *     the reversal itself), never resubmitting a sale whose outcome is unknown.
 *  7. Settlement sends every reversal owed once more before its 0500: that is a held
 *     reversal's final attempt. When the host then closes the batch, the journal drops the
 *     batch's records, a reversal still held among them: it is not retried forever, because
 *     the settlement has decided that money. Balanced, the host never booked the request (or
 *     took the reversal); unbalanced, the terminal's upload lacks it and the host's
 *     reconciliation gives the cardholder the money back. A reversal for a settled batch
 *     could undo nothing anyway: the host answers it `00` and changes nothing.
 *  8. An offline approval never had a request: the card signed a TC at or below the floor
 *     limit, and the record starts in `advice-due`, written to flash before the slip prints.
 *     The TC is the card's final word and there is no reversal for it, so the sale stands
 *     whatever happens next — paper out or a dead printer leave it `not-printed` with a reprint
 *     offered, a power cut leaves it owed. Each advice try is counted in flash before it leaves
 *     (`advice-sending`; taken back when nothing left), so every try after one that may have
 *     arrived is a 0221 repeat. Only a `00` whose MAC verifies makes it `advised`; anything
 *     else leaves it owed, to go again before the next financial request and before
 *     settlement, which waits for it.
 *
 * `reversal-due` blocks new financial business: the caller must send it first (see
 * `blocksNewBusiness`). Events that make no sense in a state are refused with an error, so a
 * flow bug shows up in tests instead of silently losing a transaction.
 */
import { PoslabError } from '../../platform/errors.ts';
import type { ReversalReason, TransactionRecord, TransactionState } from './record.ts';

export const MAX_REVERSAL_ATTEMPTS = 3;

export type TransactionEvent =
  | {
      readonly kind: 'answered';
      readonly code: string;
      /** undefined: the answer carried no MAC. */
      readonly macValid: boolean | undefined;
      readonly authCode?: string;
      readonly rrn?: string;
      readonly hostDate?: string;
    }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'not-sent' }
  | { readonly kind: 'receipt-printed' }
  | { readonly kind: 'receipt-not-printed' }
  | { readonly kind: 'printer-dead' }
  /** The chip left the slot (or refused a TC) before the transaction was closed on it. */
  | { readonly kind: 'card-removed' }
  | { readonly kind: 'power-on' }
  | { readonly kind: 'reversal-answered'; readonly code: string; readonly macValid: boolean | undefined }
  | { readonly kind: 'reversal-no-answer' }
  /** An advice is about to leave: counted first, so a power cut cannot hide a try from the next one. */
  | { readonly kind: 'advice-sending' }
  /** Nothing left after all (link down, no MAC): the try counted by `advice-sending` is taken back. */
  | { readonly kind: 'advice-not-sent' }
  | { readonly kind: 'advice-answered'; readonly code: string; readonly macValid: boolean | undefined; readonly rrn?: string };

export type TransactionAction =
  | { readonly kind: 'print-receipt' }
  | { readonly kind: 'send-reversal'; readonly reason: ReversalReason };

export interface Transition {
  readonly record: TransactionRecord;
  readonly actions: readonly TransactionAction[];
}

export class TransactionStateError extends PoslabError {
  constructor(state: TransactionState, event: TransactionEvent['kind']) {
    super('TRANSACTION_STATE', `event \`${event}\` is not valid in state \`${state}\``);
  }
}

const stay = (record: TransactionRecord): Transition => ({ record, actions: [] });

function reverse(record: TransactionRecord, reason: ReversalReason): Transition {
  return {
    record: { ...record, state: 'reversal-due', reversalReason: reason, reversalAttempts: 0 },
    actions: [{ kind: 'send-reversal', reason }],
  };
}

function reversalFailed(record: TransactionRecord): Transition {
  const attempts = record.reversalAttempts + 1;
  const state: TransactionState = attempts >= MAX_REVERSAL_ATTEMPTS ? 'reversal-held' : 'reversal-due';
  return stay({ ...record, state, reversalAttempts: attempts });
}

function onAnswer(record: TransactionRecord, event: Extract<TransactionEvent, { kind: 'answered' }>): Transition {
  if (event.macValid === false) return reverse(record, 'A0');
  if (event.code !== '00') return stay({ ...record, state: 'declined', responseCode: event.code });
  if (event.macValid === undefined) return reverse(record, 'A0');
  return {
    record: {
      ...record,
      state: 'approved',
      responseCode: event.code,
      ...(event.authCode ? { authCode: event.authCode } : {}),
      ...(event.rrn ? { rrn: event.rrn } : {}),
      ...(event.hostDate ? { hostDate: event.hostDate } : {}),
    },
    actions: [{ kind: 'print-receipt' }],
  };
}

/** The one function that moves a record; everything else reads records. */
export function advance(record: TransactionRecord, event: TransactionEvent): Transition {
  const invalid = (): never => {
    throw new TransactionStateError(record.state, event.kind);
  };
  if (event.kind === 'power-on') {
    if (record.state === 'sent') return reverse(record, '06');
    if (record.state === 'approved') return reverse(record, '96');
    return stay(record);
  }
  switch (record.state) {
    case 'sent':
      if (event.kind === 'answered') return onAnswer(record, event);
      if (event.kind === 'no-answer') return reverse(record, '98');
      if (event.kind === 'not-sent') return stay({ ...record, state: 'unsent' });
      return invalid();
    case 'approved':
      if (event.kind === 'receipt-printed') return stay({ ...record, state: 'completed', receipt: 'printed' });
      if (event.kind === 'receipt-not-printed') return stay({ ...record, state: 'completed', receipt: 'not-printed' });
      if (event.kind === 'printer-dead') return reverse(record, '96');
      if (event.kind === 'card-removed') return reverse(record, '06');
      return invalid();
    case 'completed':
      // A reprint after the operator was told to reprint.
      if (event.kind === 'receipt-printed') return stay({ ...record, receipt: 'printed' });
      return invalid();
    case 'reversal-due':
    case 'reversal-held':
      if (event.kind === 'reversal-answered') {
        return event.code === '00' && event.macValid === true ? stay({ ...record, state: 'reversed' }) : reversalFailed(record);
      }
      if (event.kind === 'reversal-no-answer') return reversalFailed(record);
      return invalid();
    case 'advice-due':
      if (event.kind === 'receipt-printed') return stay({ ...record, receipt: 'printed' });
      if (event.kind === 'receipt-not-printed' || event.kind === 'printer-dead') return stay({ ...record, receipt: 'not-printed' });
      if (event.kind === 'advice-sending') return stay({ ...record, adviceAttempts: (record.adviceAttempts ?? 0) + 1 });
      if (event.kind === 'advice-not-sent') return stay({ ...record, adviceAttempts: Math.max(0, (record.adviceAttempts ?? 0) - 1) });
      if (event.kind === 'advice-answered') {
        if (event.code !== '00' || event.macValid !== true) return stay(record);
        return stay({ ...record, state: 'advised', ...(event.rrn ? { rrn: event.rrn } : {}) });
      }
      return invalid();
    case 'advised':
      if (event.kind === 'receipt-printed') return stay({ ...record, receipt: 'printed' });
      return invalid();
    case 'unsent':
    case 'declined':
    case 'reversed':
      return invalid();
  }
}

/** A reversal that must go out before any new financial request may. */
export function blocksNewBusiness(records: readonly TransactionRecord[]): boolean {
  return records.some((r) => r.state === 'reversal-due' || r.state === 'sent' || r.state === 'approved');
}

/** Offline approvals whose advice the host has not acknowledged yet, oldest first. */
export function advicesOwed(records: readonly TransactionRecord[]): TransactionRecord[] {
  return records.filter((r) => r.state === 'advice-due');
}

/** Reversals still owed to the host, oldest first. */
export function reversalsOwed(records: readonly TransactionRecord[]): TransactionRecord[] {
  return records.filter((r) => r.state === 'reversal-due' || r.state === 'reversal-held');
}
