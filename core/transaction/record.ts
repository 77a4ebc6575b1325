/**
 * One financial transaction as the terminal keeps it in flash, from the moment before its
 * request leaves until settlement closes its batch. The record is also the reversal record:
 * it holds every field a reversal (0400) or a batch upload (0320) needs — the PAN only sealed
 * (see pan-vault.ts), never track data or PIN block. An offline approval is also its advice
 * record: field 55 with the card's TC, sealed like the PAN, for the 0220 the host is owed.
 */
export type TransactionKind = 'sale' | 'void' | 'refund' | 'preauth' | 'completion';

export type TransactionState =
  /** The request is about to leave or has left; its outcome is not known yet. */
  | 'sent'
  /** Nothing left the terminal (the link was down): nothing to undo. */
  | 'unsent'
  | 'declined'
  /** Approved by the host; the merchant copy is not printed yet. */
  | 'approved'
  /** Approved and handed over (receipt printed, or the operator was told to reprint). */
  | 'completed'
  /** Outcome unknown or unusable: a reversal must reach the host before new business. */
  | 'reversal-due'
  /** A reversal that failed too often to block the counter; retried until settlement. */
  | 'reversal-held'
  | 'reversed'
  /** The card approved offline (TC); the advice (0220) is owed to the host. Written before the slip prints. */
  | 'advice-due'
  /** The host acknowledged the offline sale's advice. */
  | 'advised';

/** Field 39 of a reversal: why the terminal undoes the request. */
export type ReversalReason = '98' | '96' | 'A0' | '06';

/** What a void, refund or completion points back to (field 61, plus 37 and 38). */
export interface OriginalReference {
  readonly batch: string;
  readonly stan: string;
  /** MMDD of the original, as the host dated it. */
  readonly date: string;
  readonly rrn?: string;
  readonly authCode?: string;
}

export interface TransactionRecord {
  readonly kind: TransactionKind;
  readonly stan: string;
  readonly batch: string;
  readonly mti: string;
  readonly processingCode: string;
  readonly conditionCode: string;
  /** 60.1 of the request: 22 sale, 23 void, 25 refund, 10 pre-auth, 20 completion. */
  readonly messageType: string;
  readonly amountMinor: number;
  readonly panMasked: string;
  /** The PAN sealed under the terminal's data key; opened only to build a message. */
  readonly panSealed: string;
  readonly expiry: string;
  readonly entryMode: string;
  readonly panSequence?: string;
  readonly at: number;
  readonly operator: string;
  readonly original?: OriginalReference;
  readonly state: TransactionState;
  readonly responseCode?: string;
  readonly authCode?: string;
  readonly rrn?: string;
  /** MMDD from the host's field 13: what a later refund quotes as the original date. */
  readonly hostDate?: string;
  readonly receipt?: 'printed' | 'not-printed';
  readonly reversalReason?: ReversalReason;
  readonly reversalAttempts: number;
  /** An offline approval: the card's TC (9F26, hex), printed on the slip. */
  readonly tc?: string;
  /** An offline approval: field 55 as the card gave it, sealed under the terminal's data key. */
  readonly iccSealed?: string;
  /** Advices sent so far; from the second on the advice goes as a repeat (0221). */
  readonly adviceAttempts?: number;
}

/** The states in which the host may hold money the terminal has not accounted for yet. */
export const PENDING_REVERSAL_STATES: readonly TransactionState[] = ['reversal-due', 'reversal-held'];

export const isPendingReversal = (record: TransactionRecord): boolean => PENDING_REVERSAL_STATES.includes(record.state);

/** Handed over to the customer and counted in the batch: completed online, or approved offline. */
export const HANDED_OVER_STATES: readonly TransactionState[] = ['completed', 'advice-due', 'advised'];

export const isHandedOver = (record: TransactionRecord): boolean => HANDED_OVER_STATES.includes(record.state);

export const recordKey = (record: Pick<TransactionRecord, 'batch' | 'stan'>): string => `${record.batch}/${record.stan}`;
