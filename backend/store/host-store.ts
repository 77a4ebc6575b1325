/**
 * What the host keeps, behind one small interface so that message handlers never see SQL.
 * Every method is synchronous: a handler's reads, checks and writes run to completion inside
 * one `transaction` before the answer's bytes exist.
 */
export interface MerchantRecord {
  readonly id: string;
  readonly name: string;
  readonly mcc: string;
  readonly region: string;
}

export interface TerminalRecord {
  readonly terminalId: string;
  readonly merchantId: string;
  /** The terminal master key, encrypted under the host's local master key. */
  readonly tmkWrapped: Uint8Array;
  /** The terminal's open batch: settlement closes it and opens the next number. */
  readonly batch: string;
  readonly lastStan: string | undefined;
  readonly signedIn: boolean;
  readonly workingKeys: StoredWorkingKeys | undefined;
}

/** Working keys from the last sign-in, each encrypted under the local master key. */
export interface StoredWorkingKeys {
  readonly pinKeyWrapped: Uint8Array;
  readonly pinKeyKcv: string;
  readonly macKeyWrapped: Uint8Array;
  readonly macKeyKcv: string;
}

export type CardStatus = 'active' | 'lost' | 'stolen' | 'restricted';
export type CardProduct = 'debit' | 'credit' | 'quickpass';
/** How the simulated issuer behind a card misbehaves; docs/test-cards.md. */
export type CardBehaviour = 'slow' | 'unavailable' | 'partial';

export interface CardRecord {
  readonly panToken: string;
  readonly panMasked: string;
  readonly expiry: string;
  readonly status: CardStatus;
  readonly product: CardProduct;
  /** The ledger balance. What the card may spend is this less `heldMinor`. */
  readonly balanceMinor: number;
  /** Funds held by open pre-authorisations. */
  readonly heldMinor: number;
  readonly pinVerifier: string;
  readonly pinTries: number;
  readonly behaviour: CardBehaviour | undefined;
  /** `slow`: how long the issuer takes to answer. */
  readonly delayMs: number | undefined;
  /** `partial`: the most the issuer approves in one transaction (besides the available funds). */
  readonly partialLimitMinor: number | undefined;
}

export type JournalStatus = 'approved' | 'declined';
export type TransactionType = 'sale' | 'void' | 'refund' | 'preauth' | 'completion' | 'balance';

/** Where a journal row is found: a terminal's STAN is unique within its batch and request MTI. */
export interface JournalKey {
  readonly terminalId: string;
  readonly batch: string;
  readonly stan: string;
  readonly mti: string;
}

export interface JournalEntry extends JournalKey {
  readonly merchantId: string;
  readonly type: TransactionType;
  readonly processingCode: string;
  /** The amount booked: the approved amount (less than requested on a partial approval), else the request's. */
  readonly amountMinor: number;
  /** Field 4 of the request. */
  readonly requestedMinor: number;
  readonly panMasked: string;
  readonly panToken: string;
  readonly entryMode: string;
  readonly responseCode: string;
  readonly authCode: string | undefined;
  readonly rrn: string;
  readonly createdAt: number;
  readonly status: JournalStatus;
  /** The sale a void or refund, or the pre-authorisation a completion, refers to. */
  readonly originalId: number | undefined;
  /** The funds a pre-authorisation holds until it is completed or reversed. */
  readonly holdMinor: number;
  /** The answer as sent, without card data or MAC (see messages/stored-answer.ts). */
  readonly answer: string | undefined;
}

export interface JournalRow extends JournalEntry {
  readonly id: number;
  readonly reversed: boolean;
  /** Field 39 of the reversal (98, 96, A0, 06), or `reconciliation` when settlement undid it. */
  readonly reversalReason: string | undefined;
  readonly reversedAt: number | undefined;
  readonly voided: boolean;
  /** Refunds of this sale so far (not counting reversed ones). */
  readonly refundedMinor: number;
  /** `closed` once the row's batch has been settled. */
  readonly batchState: 'open' | 'closed';
}

export interface JournalFilter {
  readonly terminalId?: string;
  readonly merchantId?: string;
  readonly batch?: string;
  readonly stan?: string;
  readonly mti?: string;
  readonly status?: JournalStatus;
  readonly panToken?: string;
  readonly type?: TransactionType;
  readonly rrn?: string;
}

/** A change to a journal row after the fact; only these ever change. */
export interface JournalChange {
  readonly reversed?: { readonly reason: string; readonly at: number } | false;
  readonly voided?: boolean;
  readonly refundedMinor?: number;
  readonly holdMinor?: number;
}

export type ReversalOutcome = 'reversed' | 'not-found' | 'already-reversed' | 'not-approved' | 'not-reversible';

export interface ReversalEntry {
  readonly terminalId: string;
  readonly batch: string;
  readonly stan: string;
  /** The MTI of the request being reversed: 0200, 0220 or 0100. */
  readonly originalMti: string;
  readonly reason: string;
  readonly originalId: number | undefined;
  readonly outcome: ReversalOutcome;
  readonly createdAt: number;
  readonly answer: string;
}

/** Settlement totals as field 48 carries them: sales and completions debit, refunds credit. */
export interface BatchTotals {
  readonly debitCount: number;
  readonly debitMinor: number;
  readonly creditCount: number;
  readonly creditMinor: number;
}

export interface SettlementEntry {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly terminalTotals: BatchTotals;
  readonly hostTotals: BatchTotals;
  /** Field 48's result digit in the 0510: 1 balanced, 2 unbalanced. */
  readonly result: '1' | '2';
  readonly state: 'awaiting-upload' | 'closed';
  /** What the batch closed with: the host's totals, or after an upload the reconciled ones. */
  readonly settledTotals: BatchTotals | undefined;
  readonly nextBatch: string | undefined;
  readonly createdAt: number;
  readonly closedAt: number | undefined;
}

export interface SettlementRow extends SettlementEntry {
  readonly id: number;
}

/** One transaction of a batch upload (0320, 60.3 = 202), as the terminal recorded it. */
export interface UploadEntry {
  readonly terminalId: string;
  readonly batch: string;
  readonly stan: string;
  /** 60.1 of the uploaded transaction: 22 sale, 20 completion, 25 refund, … */
  readonly messageType: string;
  readonly processingCode: string;
  readonly amountMinor: number;
  readonly panToken: string;
  readonly panMasked: string;
  readonly rrn: string | undefined;
  readonly authCode: string | undefined;
  readonly createdAt: number;
}

export type DifferenceKind = 'not-uploaded' | 'unknown-to-host' | 'amount-differs';

export interface ReconciliationDifference {
  readonly stan: string;
  readonly kind: DifferenceKind;
  /**
   * What the host did about it: a host approval the terminal does not have is `reversed` (the
   * cardholder gets the money back) unless it can no longer be undone, then `settled`; an
   * amount that differs is `settled` at the host's amount; an upload the host never approved is
   * `not-settled`: the host never books from an upload.
   */
  readonly action: 'reversed' | 'settled' | 'not-settled';
  readonly hostMinor?: number;
  readonly terminalMinor?: number;
}

export interface ReconciliationEntry {
  readonly settlementId: number;
  readonly terminalId: string;
  readonly batch: string;
  /** The count the 207 message declared in field 48. */
  readonly declaredCount: number;
  readonly uploadedCount: number;
  readonly differences: readonly ReconciliationDifference[];
  readonly createdAt: number;
}

export interface ReconciliationRow extends ReconciliationEntry {
  readonly id: number;
}

export interface HostStore {
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  addMerchant(merchant: MerchantRecord): void;
  merchant(id: string): MerchantRecord | undefined;

  addTerminal(terminal: { terminalId: string; merchantId: string; tmkWrapped: Uint8Array; batch: string }): void;
  terminal(terminalId: string): TerminalRecord | undefined;
  recordSignIn(terminalId: string, keys: StoredWorkingKeys, stan: string): void;
  recordSignOut(terminalId: string, stan: string): void;
  recordStan(terminalId: string, stan: string): void;
  /** Makes `batch` the terminal's open batch. */
  openBatch(terminalId: string, batch: string): void;

  addCard(card: CardRecord): void;
  card(panToken: string): CardRecord | undefined;
  setPinTries(panToken: string, tries: number): void;
  /** Takes `amountMinor` off what the card may spend; throws rather than overdraw it. */
  debit(panToken: string, amountMinor: number): void;
  /** Moves the ledger by a signed amount with no floor: for voids, refunds and reversals only. */
  adjustBalance(panToken: string, deltaMinor: number): void;
  /** Places (positive) or releases (negative) a hold. */
  adjustHold(panToken: string, deltaMinor: number): void;

  /** Throws HOST_DUPLICATE when the key is already journaled. */
  appendJournal(entry: JournalEntry): number;
  journalEntry(key: JournalKey): JournalRow | undefined;
  journalById(id: number): JournalRow | undefined;
  updateJournal(id: number, change: JournalChange): void;
  journal(filter?: JournalFilter): JournalRow[];
  /** Approved, neither reversed nor voided: what the batch settles. */
  batchTotals(terminalId: string, batch: string): BatchTotals;

  appendReversal(entry: ReversalEntry): number;
  reversal(key: { terminalId: string; batch: string; stan: string; originalMti: string }): ReversalEntry | undefined;

  /** Inserts, or replaces the settlement of the same terminal and batch. */
  saveSettlement(entry: SettlementEntry): number;
  settlement(terminalId: string, batch: string): SettlementRow | undefined;
  settlements(filter?: { terminalId?: string; merchantId?: string }): SettlementRow[];

  /** A transaction uploaded again replaces the first copy. */
  saveUpload(entry: UploadEntry): void;
  uploads(terminalId: string, batch: string): UploadEntry[];
  appendReconciliation(entry: ReconciliationEntry): number;
  reconciliations(filter?: { terminalId?: string }): ReconciliationRow[];

  /**
   * Runs `work` atomically: all of its writes are durable when it returns, or none are. Inside
   * a commit group they are durable when the group commits, and a failure undoes only `work`.
   */
  transaction<T>(work: () => T): T;
  /**
   * Runs `work` (many requests' transactions) under one commit, so a file store syncs to disk
   * once for all of them. When `work` or the commit throws, every write of the group is undone
   * and the error thrown. Without `onDurable` the group is durable when this returns. With it,
   * a file store does not wait for the disk: the group is durable when `onDurable` is called,
   * in the order of the groups, and nothing it produced may leave the host before; called with
   * an error, the group may be lost, and so may every group after it.
   */
  commitGroup<T>(work: () => T, onDurable?: (error?: Error) => void): T;
  close(): void;
}
