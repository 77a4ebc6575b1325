import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import type { BatchTotals } from './totals.ts';
import { totalsField } from './totals.ts';
import type { OriginalReference, TransactionKind, TransactionRecord } from './record.ts';

/**
 * ISO 8583 requests of the `cup-pos` dialect (docs/wire-dialect.md), built from plain data.
 * Field 64 is added by the host client, which asks the PIN pad for the MAC.
 */
export interface TerminalIdentity {
  readonly terminalId: string;
  readonly merchantId: string;
}

export type CardEntry = 'chip' | 'swipe' | 'fallback' | 'contactless';

/** What a request needs from the card; held in memory for one transaction only. */
export interface CardData {
  readonly pan: string;
  readonly expiry: string;
  readonly track2: string;
  readonly entry: CardEntry;
  readonly panSequence?: string;
  readonly iccData?: Uint8Array;
  /** The chip approved offline with this TC (hex): no request goes to the host, an advice follows. */
  readonly offlineTc?: string;
}

export interface KindCodes {
  readonly mti: string;
  readonly processingCode: string;
  readonly conditionCode: string;
  readonly messageType: string;
}

export const KIND_CODES: Readonly<Record<TransactionKind | 'balance', KindCodes>> = {
  sale: { mti: '0200', processingCode: '000000', conditionCode: '00', messageType: '22' },
  void: { mti: '0200', processingCode: '200000', conditionCode: '00', messageType: '23' },
  refund: { mti: '0220', processingCode: '200000', conditionCode: '00', messageType: '25' },
  preauth: { mti: '0100', processingCode: '030000', conditionCode: '06', messageType: '10' },
  completion: { mti: '0200', processingCode: '000000', conditionCode: '06', messageType: '20' },
  balance: { mti: '0200', processingCode: '310000', conditionCode: '00', messageType: '01' },
};

const ENTRY_PREFIX: Readonly<Record<CardEntry, string>> = { swipe: '02', chip: '05', contactless: '07', fallback: '80' };

/** Field 22: how the card was read, and (third digit) 1 with PIN, 2 without. */
export function entryMode(entry: CardEntry, withPin: boolean): string {
  return ENTRY_PREFIX[entry] + (withPin ? '1' : '2');
}

const amountField = (minor: number) => String(minor).padStart(12, '0');

/** Field 61: original batch and STAN, plus the original date for refunds and completions. */
function originalField(kind: TransactionKind, original: OriginalReference): string {
  const base = original.batch + original.stan;
  return kind === 'void' ? base : base + original.date;
}

function referenceFields(record: Pick<TransactionRecord, 'kind' | 'original'>): IsoMessage['fields'] {
  const { kind, original } = record;
  if (!original) return {};
  const fields: IsoMessage['fields'] = { 61: originalField(kind, original) };
  if ((kind === 'void' || kind === 'refund') && original.rrn) fields[37] = original.rrn;
  if ((kind === 'void' || kind === 'completion') && original.authCode) fields[38] = original.authCode;
  return fields;
}

export interface CardRequest {
  readonly codes: KindCodes;
  readonly stan: string;
  readonly batch: string;
  readonly amountMinor?: number;
  readonly card: CardData;
  readonly pinBlock?: Uint8Array;
  readonly location: string;
}

/** A request that carries the card as read: sale, void, refund, pre-auth, completion, balance. */
export function cardRequest(id: TerminalIdentity, request: CardRequest, reference: IsoMessage['fields'] = {}): IsoMessage {
  const { codes, card, pinBlock } = request;
  const fields: IsoMessage['fields'] = {
    3: codes.processingCode,
    11: request.stan,
    14: card.expiry,
    22: entryMode(card.entry, pinBlock !== undefined),
    25: codes.conditionCode,
    35: card.track2,
    41: id.terminalId,
    42: id.merchantId,
    49: '156',
    59: request.location,
    60: `${codes.messageType}${request.batch}000`,
    ...reference,
  };
  if (request.amountMinor !== undefined) fields[4] = amountField(request.amountMinor);
  if (pinBlock) {
    fields[26] = '12';
    fields[52] = pinBlock;
    fields[53] = '2600000000000000';
  }
  if (card.entry === 'chip' || card.entry === 'contactless') {
    fields[2] = card.pan;
    if (card.panSequence) fields[23] = card.panSequence.padStart(3, '0');
    if (card.iccData) fields[55] = card.iccData;
  }
  return { mti: codes.mti, fields };
}

/** The financial request for a journal record, with the card still in hand. */
export function financialRequest(
  id: TerminalIdentity,
  record: TransactionRecord,
  card: CardData,
  pinBlock: Uint8Array | undefined,
  location: string,
): IsoMessage {
  const codes = KIND_CODES[record.kind];
  return cardRequest(
    id,
    { codes, stan: record.stan, batch: record.batch, amountMinor: record.amountMinor, card, location, ...(pinBlock ? { pinBlock } : {}) },
    referenceFields(record),
  );
}

/**
 * A reversal (0400) or its repeat (0401): the original's 3, 4, 11, 60 and references, the
 * reason in 39, no PIN. The card is named by field 2 from the sealed PAN; track data was
 * never kept.
 */
export function reversalRequest(id: TerminalIdentity, record: TransactionRecord, pan: string, repeat: boolean): IsoMessage {
  const fields: IsoMessage['fields'] = {
    2: pan,
    3: record.processingCode,
    4: amountField(record.amountMinor),
    11: record.stan,
    14: record.expiry,
    22: record.entryMode,
    25: record.conditionCode,
    39: record.reversalReason ?? '06',
    41: id.terminalId,
    42: id.merchantId,
    49: '156',
    60: `${record.messageType}${record.batch}000`,
    ...referenceFields(record),
  };
  if (record.panSequence) fields[23] = record.panSequence.padStart(3, '0');
  return { mti: repeat ? '0401' : '0400', fields };
}

export function settlementRequest(id: TerminalIdentity, stan: string, batch: string, totals: BatchTotals, operator: string): IsoMessage {
  return {
    mti: '0500',
    fields: { 11: stan, 41: id.terminalId, 42: id.merchantId, 48: totalsField(totals), 49: '156', 60: `00${batch}201`, 63: operator.padStart(3, '0') },
  };
}

/** One transaction of the batch, 0320 with 60.3 = 202; the PAN must be clear here. */
export function uploadRequest(id: TerminalIdentity, record: TransactionRecord, pan: string): IsoMessage {
  const fields: IsoMessage['fields'] = {
    2: pan,
    3: record.processingCode,
    4: amountField(record.amountMinor),
    11: record.stan,
    22: record.entryMode,
    41: id.terminalId,
    42: id.merchantId,
    60: `${record.messageType}${record.batch}202`,
  };
  if (record.rrn) fields[37] = record.rrn;
  if (record.authCode) fields[38] = record.authCode;
  return { mti: '0320', fields };
}

/** The end of a batch upload, 0320 with 60.3 = 207 and the number of transactions sent. */
export function uploadEndRequest(id: TerminalIdentity, stan: string, batch: string, count: number): IsoMessage {
  return {
    mti: '0320',
    fields: { 11: stan, 41: id.terminalId, 42: id.merchantId, 48: String(count).padStart(4, '0'), 60: `00${batch}207` },
  };
}

export function signOutRequest(id: TerminalIdentity, stan: string, batch: string): IsoMessage {
  return { mti: '0820', fields: { 11: stan, 41: id.terminalId, 42: id.merchantId, 60: `00${batch}002` } };
}

/** Echo test (0820 with 60.3 = 301): is the host there? Nothing changes at either end. */
export function echoRequest(id: TerminalIdentity, stan: string, batch: string): IsoMessage {
  return { mti: '0820', fields: { 11: stan, 41: id.terminalId, 42: id.merchantId, 60: `00${batch}301` } };
}
