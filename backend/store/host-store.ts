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
export type CardProduct = 'debit' | 'credit';

export interface CardRecord {
  readonly panToken: string;
  readonly panMasked: string;
  readonly expiry: string;
  readonly status: CardStatus;
  readonly product: CardProduct;
  readonly balanceMinor: number;
  readonly pinVerifier: string;
  readonly pinTries: number;
}

export type JournalStatus = 'approved' | 'declined';

export interface JournalEntry {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly mti: string;
  readonly processingCode: string;
  readonly amountMinor: number;
  readonly panMasked: string;
  readonly panToken: string;
  readonly entryMode: string;
  readonly responseCode: string;
  readonly authCode: string | undefined;
  readonly rrn: string;
  readonly createdAt: number;
  readonly status: JournalStatus;
}

export interface JournalRow extends JournalEntry {
  readonly id: number;
}

export interface JournalFilter {
  readonly terminalId?: string;
  readonly merchantId?: string;
  readonly batch?: string;
  readonly stan?: string;
  readonly mti?: string;
  readonly status?: JournalStatus;
  readonly panToken?: string;
}

export interface HostStore {
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  addMerchant(merchant: MerchantRecord): void;
  merchant(id: string): MerchantRecord | undefined;

  addTerminal(terminal: { terminalId: string; merchantId: string; tmkWrapped: Uint8Array; batch: string }): void;
  terminal(terminalId: string): TerminalRecord | undefined;
  recordSignIn(terminalId: string, keys: StoredWorkingKeys, stan: string): void;
  recordStan(terminalId: string, stan: string): void;

  addCard(card: CardRecord): void;
  card(panToken: string): CardRecord | undefined;
  setPinTries(panToken: string, tries: number): void;
  /** Takes `amountMinor` off the card; throws rather than let a balance go below zero. */
  debit(panToken: string, amountMinor: number): void;

  appendJournal(entry: JournalEntry): number;
  journal(filter?: JournalFilter): JournalRow[];

  /** Runs `work` atomically: all of its writes are durable when it returns, or none are. */
  transaction<T>(work: () => T): T;
  close(): void;
}
