import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import type { HostExchange, MacFunction } from '../host-client.ts';
import type { TransactionJournal } from './journal.ts';
import type { TransactionEvent } from './machine.ts';
import type { ReversalReason, TransactionRecord } from './record.ts';
import { reversalRequest, type TerminalIdentity } from './requests.ts';

/** What the financial exchange needs; the terminal context provides it, tests bring fakes. */
export interface ExchangeDeps {
  readonly journal: TransactionJournal;
  readonly host: HostExchange;
  readonly mac: MacFunction;
  readonly openPan: (sealed: string) => string;
  readonly identity: TerminalIdentity;
  readonly responseTimeoutMs: number;
}

export type FinancialOutcome =
  | { readonly kind: 'approved'; readonly record: TransactionRecord }
  | { readonly kind: 'declined'; readonly record: TransactionRecord; readonly code: string }
  /** Nothing left the terminal. */
  | { readonly kind: 'not-sent'; readonly why: 'link-down' | 'mac-unavailable' }
  /** The outcome was unknown or untrusted: a reversal went out (or is owed). */
  | { readonly kind: 'reversing'; readonly record: TransactionRecord; readonly reason: ReversalReason; readonly reversed: boolean };

type Reversing = Extract<FinancialOutcome, { kind: 'reversing' }>;

export type ReversalResult = 'reversed' | 'pending' | 'not-sent';

/**
 * Sends one reversal (0400, or 0401 once an earlier try went unanswered) and feeds the answer
 * to the state machine. A reversal that could not leave (link down, after waiting up to
 * `awaitLinkMs` for it) changes nothing.
 */
export async function sendReversal(deps: ExchangeDeps, record: TransactionRecord, awaitLinkMs = 0): Promise<ReversalResult> {
  const request = reversalRequest(deps.identity, record, deps.openPan(record.panSealed), record.reversalAttempts > 0);
  const exchange = await deps.host.exchange(request, { timeoutMs: deps.responseTimeoutMs, mac: deps.mac, awaitLinkMs });
  let event: TransactionEvent;
  switch (exchange.kind) {
    case 'link-down':
    case 'mac-unavailable':
      return 'not-sent';
    case 'no-answer':
      event = { kind: 'reversal-no-answer' };
      break;
    case 'answered':
      event = { kind: 'reversal-answered', code: String(exchange.response.fields[39] ?? ''), macValid: exchange.macValid };
      break;
  }
  return deps.journal.apply(record, event).record.state === 'reversed' ? 'reversed' : 'pending';
}

/**
 * Sends a financial request under the reversal rule: the record is in flash before the first
 * byte leaves, and any outcome the terminal cannot trust is reversed at once.
 */
export async function sendFinancial(deps: ExchangeDeps, record: TransactionRecord, request: IsoMessage): Promise<FinancialOutcome> {
  deps.journal.begin(record);
  const exchange = await deps.host.exchange(request, { timeoutMs: deps.responseTimeoutMs, mac: deps.mac });
  let event: TransactionEvent;
  switch (exchange.kind) {
    case 'link-down':
    case 'mac-unavailable':
      deps.journal.apply(record, { kind: 'not-sent' });
      return { kind: 'not-sent', why: exchange.kind };
    case 'no-answer':
      event = { kind: 'no-answer' };
      break;
    case 'answered': {
      const { fields } = exchange.response;
      event = {
        kind: 'answered',
        code: String(fields[39] ?? ''),
        macValid: exchange.macValid,
        authCode: String(fields[38] ?? '').trim(),
        rrn: String(fields[37] ?? '').trim(),
        hostDate: String(fields[13] ?? ''),
      };
      break;
    }
  }
  const transition = deps.journal.apply(record, event);
  const next = transition.record;
  if (next.state === 'approved') return { kind: 'approved', record: next };
  if (next.state === 'declined') return { kind: 'declined', record: next, code: next.responseCode ?? '' };
  return reverseNow(deps, next);
}

/** After a printer died on an approved request: reverse it (reason 96). */
/** An approval the terminal cannot finish — the printer died (96) or the card left (06) — is reversed at once. */
export async function reverseUnfinished(
  deps: ExchangeDeps,
  record: TransactionRecord,
  why: 'printer-dead' | 'card-removed',
): Promise<Reversing> {
  return reverseNow(deps, deps.journal.apply(record, { kind: why }).record);
}

/**
 * The line may have dropped under the request: the host could hold the money, so the reversal
 * goes out as soon as the line is back, if that is within one response timeout; otherwise it
 * stays owed and goes out before the next transaction.
 */
async function reverseNow(deps: ExchangeDeps, record: TransactionRecord): Promise<Reversing> {
  const reason = record.reversalReason ?? '06';
  const reversed = (await sendReversal(deps, record, deps.responseTimeoutMs)) === 'reversed';
  const latest = deps.journal.find(record.batch, record.stan) ?? record;
  return { kind: 'reversing', record: latest, reason, reversed };
}
