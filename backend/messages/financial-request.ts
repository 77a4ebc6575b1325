import type { FieldValue, IsoMessage } from '../../protocol/iso8583/types.ts';
import { readField60 } from './field-60.ts';

/** Field 61: the original transaction a void, refund or completion refers to. */
export interface OriginalReference {
  readonly batch: string;
  readonly stan: string;
  /** MMDD, when the terminal sent it. */
  readonly date: string | undefined;
}

/**
 * A 0200, 0220 or 0100 read into the values the host acts on. Track data is used here to find
 * the PAN and goes no further.
 */
export interface FinancialRequest {
  readonly processingCode: string;
  /** Field 4 in fen; undefined when absent (a balance inquiry). */
  readonly amountMinor: number | undefined;
  readonly stan: string;
  readonly terminalId: string;
  readonly merchantId: string;
  readonly entryMode: string;
  readonly conditionCode: string | undefined;
  /** 60.1 */
  readonly messageType: string;
  /** 60.2 */
  readonly batch: string;
  readonly pan: string;
  /** YYMM from field 14 or the track, when the terminal sent one. */
  readonly expiry: string | undefined;
  readonly pinBlock: Uint8Array | undefined;
  /** Field 37 of the original (void, refund). */
  readonly originalRrn: string | undefined;
  /** Field 38 of the original (void, completion). */
  readonly originalAuthCode: string | undefined;
  readonly original: OriginalReference | undefined;
  /** Fields 55 and 23 of a chip card: the cryptogram the issuer checks. */
  readonly chip: { readonly iccData: Uint8Array; readonly panSequence: string } | undefined;
}

const TRACK_SEPARATOR = '=';
const PAN = /^\d{12,19}$/;
const EXPIRY = /^\d{4}$/;
const ORIGINAL = /^(\d{6})(\d{6})(\d{4})?/;

/**
 * Reads a financial request, or returns undefined when a field the host needs is missing or
 * malformed: the caller answers 30. Fields 3, 11, 22, 41, 42, 60 (with its batch) and a PAN
 * (field 2, or track 2 before `=`) are needed by every kind; the caller decides about field 4.
 */
export function readFinancialRequest(message: IsoMessage): FinancialRequest | undefined {
  const { fields } = message;
  const processingCode = text(fields[3]);
  const amount = text(fields[4]);
  const stan = text(fields[11]);
  const entryMode = text(fields[22]);
  const terminalId = text(fields[41]);
  const merchantId = text(fields[42]);
  const reserved = readField60(fields[60]);
  const card = cardFrom(fields);
  const pinBlock = fields[52];
  if (
    processingCode === undefined ||
    stan === undefined ||
    entryMode === undefined ||
    terminalId === undefined ||
    merchantId === undefined ||
    reserved?.batch === undefined ||
    card === undefined ||
    (pinBlock !== undefined && !(pinBlock instanceof Uint8Array))
  ) {
    return undefined;
  }
  const amountMinor = amount === undefined ? undefined : Number(amount);
  if (amountMinor !== undefined && !Number.isSafeInteger(amountMinor)) return undefined;
  const original = ORIGINAL.exec(text(fields[61]) ?? '');
  return {
    processingCode,
    amountMinor,
    stan,
    terminalId,
    merchantId,
    entryMode,
    conditionCode: text(fields[25]),
    messageType: reserved.messageType,
    batch: reserved.batch,
    pan: card.pan,
    expiry: card.expiry,
    pinBlock,
    originalRrn: text(fields[37]),
    originalAuthCode: text(fields[38]),
    original: original ? { batch: original[1] as string, stan: original[2] as string, date: original[3] } : undefined,
    chip: fields[55] instanceof Uint8Array ? { iccData: fields[55], panSequence: (text(fields[23]) ?? '000').slice(-2) } : undefined,
  };
}

/** PAN and expiry for the answer's fields 2 and 14, whichever way the terminal sent them. */
export function cardFrom(fields: IsoMessage['fields']): { pan: string; expiry: string | undefined } | undefined {
  const track = text(fields[35]);
  const separator = track?.indexOf(TRACK_SEPARATOR) ?? -1;
  const fromTrack = track !== undefined && separator > 0;
  const pan = text(fields[2]) ?? (fromTrack ? track.slice(0, separator) : undefined);
  if (pan === undefined || !PAN.test(pan)) return undefined;
  const expiry = text(fields[14]) ?? (fromTrack ? track.slice(separator + 1, separator + 5) : undefined);
  return { pan, expiry: expiry !== undefined && EXPIRY.test(expiry) ? expiry : undefined };
}

export function text(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
