import type {
  BatchTotals,
  CardRecord,
  JournalRow,
  ReconciliationDifference,
  ReconciliationRow,
  ReversalEntry,
  SettlementRow,
  TerminalRecord,
  UploadEntry,
} from './host-store.ts';

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

/**
 * A card's columns as an array, in the order of CARD_COLUMNS (better-sqlite3's raw mode): every
 * sale reads its card, and the row as an object took twice the time and memory.
 */
export const CARD_COLUMNS =
  'pan_masked, expiry, status, product, balance_minor, held_minor, pin_verifier, pin_tries, behaviour, delay_ms, partial_limit_minor';
export type CardColumns = [
  panMasked: string,
  expiry: string,
  status: CardRecord['status'],
  product: CardRecord['product'],
  balanceMinor: number,
  heldMinor: number,
  pinVerifier: string,
  pinTries: number,
  behaviour: CardRecord['behaviour'] | null,
  delayMs: number | null,
  partialLimitMinor: number | null,
];

export interface JournalDbRow {
  id: number;
  terminal_id: string;
  merchant_id: string;
  batch: string;
  stan: string;
  mti: string;
  type: JournalRow['type'];
  processing_code: string;
  amount_minor: number;
  requested_minor: number | null;
  pan_masked: string;
  pan_token: string;
  entry_mode: string;
  response_code: string;
  auth_code: string | null;
  rrn: string;
  created_at: number;
  status: JournalRow['status'];
  original_id: number | null;
  hold_minor: number;
  answer: string | null;
  reversed: number;
  reversal_reason: string | null;
  reversed_at: number | null;
  voided: number;
  refunded_minor: number;
  batch_state: JournalRow['batchState'];
}

export interface ReversalDbRow {
  terminal_id: string;
  batch: string;
  stan: string;
  original_mti: string;
  reason: string;
  original_id: number | null;
  outcome: ReversalEntry['outcome'];
  created_at: number;
  answer: string;
}

export interface SettlementDbRow {
  id: number;
  terminal_id: string;
  merchant_id: string;
  batch: string;
  stan: string;
  terminal_totals: string;
  host_totals: string;
  result: SettlementRow['result'];
  state: SettlementRow['state'];
  settled_totals: string | null;
  next_batch: string | null;
  created_at: number;
  closed_at: number | null;
}

export interface UploadDbRow {
  terminal_id: string;
  batch: string;
  stan: string;
  message_type: string;
  processing_code: string;
  amount_minor: number;
  pan_token: string;
  pan_masked: string;
  rrn: string | null;
  auth_code: string | null;
  created_at: number;
}

export interface ReconciliationDbRow {
  id: number;
  settlement_id: number;
  terminal_id: string;
  batch: string;
  declared_count: number;
  uploaded_count: number;
  differences: string;
  created_at: number;
}

export function cardFromColumns(panToken: string, columns: CardColumns): CardRecord {
  const [panMasked, expiry, status, product, balanceMinor, heldMinor, pinVerifier, pinTries, behaviour, delayMs, partialLimitMinor] = columns;
  return {
    panToken,
    panMasked,
    expiry,
    status,
    product,
    balanceMinor,
    heldMinor,
    pinVerifier,
    pinTries,
    behaviour: behaviour ?? undefined,
    delayMs: delayMs ?? undefined,
    partialLimitMinor: partialLimitMinor ?? undefined,
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
    type: row.type,
    processingCode: row.processing_code,
    amountMinor: row.amount_minor,
    requestedMinor: row.requested_minor ?? row.amount_minor,
    panMasked: row.pan_masked,
    panToken: row.pan_token,
    entryMode: row.entry_mode,
    responseCode: row.response_code,
    authCode: row.auth_code ?? undefined,
    rrn: row.rrn,
    createdAt: row.created_at,
    status: row.status,
    originalId: row.original_id ?? undefined,
    holdMinor: row.hold_minor,
    answer: row.answer ?? undefined,
    reversed: row.reversed === 1,
    reversalReason: row.reversal_reason ?? undefined,
    reversedAt: row.reversed_at ?? undefined,
    voided: row.voided === 1,
    refundedMinor: row.refunded_minor,
    batchState: row.batch_state,
  };
}

export function reversalFromRow(row: ReversalDbRow): ReversalEntry {
  return {
    terminalId: row.terminal_id,
    batch: row.batch,
    stan: row.stan,
    originalMti: row.original_mti,
    reason: row.reason,
    originalId: row.original_id ?? undefined,
    outcome: row.outcome,
    createdAt: row.created_at,
    answer: row.answer,
  };
}

export function settlementFromRow(row: SettlementDbRow): SettlementRow {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    batch: row.batch,
    stan: row.stan,
    terminalTotals: JSON.parse(row.terminal_totals) as BatchTotals,
    hostTotals: JSON.parse(row.host_totals) as BatchTotals,
    result: row.result,
    state: row.state,
    settledTotals: row.settled_totals === null ? undefined : (JSON.parse(row.settled_totals) as BatchTotals),
    nextBatch: row.next_batch ?? undefined,
    createdAt: row.created_at,
    closedAt: row.closed_at ?? undefined,
  };
}

export function uploadFromRow(row: UploadDbRow): UploadEntry {
  return {
    terminalId: row.terminal_id,
    batch: row.batch,
    stan: row.stan,
    messageType: row.message_type,
    processingCode: row.processing_code,
    amountMinor: row.amount_minor,
    panToken: row.pan_token,
    panMasked: row.pan_masked,
    rrn: row.rrn ?? undefined,
    authCode: row.auth_code ?? undefined,
    createdAt: row.created_at,
  };
}

export function reconciliationFromRow(row: ReconciliationDbRow): ReconciliationRow {
  return {
    id: row.id,
    settlementId: row.settlement_id,
    terminalId: row.terminal_id,
    batch: row.batch,
    declaredCount: row.declared_count,
    uploadedCount: row.uploaded_count,
    differences: JSON.parse(row.differences) as ReconciliationDifference[],
    createdAt: row.created_at,
  };
}
