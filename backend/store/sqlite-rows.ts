import type { CardRecord, JournalEntry, JournalRow, TerminalRecord } from './host-store.ts';

/** The tables' rows as better-sqlite3 returns them, and their mapping to the store's records. */
export interface TerminalRow {
  terminal_id: string;
  merchant_id: string;
  tmk_wrapped: Buffer;
  batch: string;
  last_stan: string | null;
  signed_in: number;
  pin_key_wrapped: Buffer | null;
  pin_key_kcv: string | null;
  mac_key_wrapped: Buffer | null;
  mac_key_kcv: string | null;
}

export interface CardRow {
  pan_token: string;
  pan_masked: string;
  expiry: string;
  status: CardRecord['status'];
  product: CardRecord['product'];
  balance_minor: number;
  pin_verifier: string;
  pin_tries: number;
}

export interface JournalDbRow {
  id: number;
  terminal_id: string;
  merchant_id: string;
  batch: string;
  stan: string;
  mti: string;
  processing_code: string;
  amount_minor: number;
  pan_masked: string;
  pan_token: string;
  entry_mode: string;
  response_code: string;
  auth_code: string | null;
  rrn: string;
  created_at: number;
  status: JournalEntry['status'];
}

export function cardFromRow(row: CardRow): CardRecord {
  return {
    panToken: row.pan_token,
    panMasked: row.pan_masked,
    expiry: row.expiry,
    status: row.status,
    product: row.product,
    balanceMinor: row.balance_minor,
    pinVerifier: row.pin_verifier,
    pinTries: row.pin_tries,
  };
}

export function terminalFromRow(row: TerminalRow): TerminalRecord {
  const keys =
    row.pin_key_wrapped && row.pin_key_kcv && row.mac_key_wrapped && row.mac_key_kcv
      ? {
          pinKeyWrapped: new Uint8Array(row.pin_key_wrapped),
          pinKeyKcv: row.pin_key_kcv,
          macKeyWrapped: new Uint8Array(row.mac_key_wrapped),
          macKeyKcv: row.mac_key_kcv,
        }
      : undefined;
  return {
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    tmkWrapped: new Uint8Array(row.tmk_wrapped),
    batch: row.batch,
    lastStan: row.last_stan ?? undefined,
    signedIn: row.signed_in === 1,
    workingKeys: keys,
  };
}

export function journalFromRow(row: JournalDbRow): JournalRow {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    batch: row.batch,
    stan: row.stan,
    mti: row.mti,
    processingCode: row.processing_code,
    amountMinor: row.amount_minor,
    panMasked: row.pan_masked,
    panToken: row.pan_token,
    entryMode: row.entry_mode,
    responseCode: row.response_code,
    authCode: row.auth_code ?? undefined,
    rrn: row.rrn,
    createdAt: row.created_at,
    status: row.status,
  };
}
