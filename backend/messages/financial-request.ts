import type { FieldValue, IsoMessage } from '../../protocol/iso8583/types.ts';

/** A 0200 read into the values the host acts on. Track data is used here and goes no further. */
export interface SaleRequest {
  readonly processingCode: string;
  readonly amountMinor: number;
  readonly stan: string;
  readonly terminalId: string;
  readonly merchantId: string;
  readonly entryMode: string;
  readonly batch: string;
  readonly pan: string;
  /** YYMM from field 14 or the track, when the terminal sent one. */
  readonly expiry: string | undefined;
  readonly pinBlock: Uint8Array | undefined;
}

const TRACK_SEPARATOR = '=';
const PAN = /^\d{12,19}$/;
const EXPIRY = /^\d{4}$/;

/**
 * Reads a sale, or returns undefined when a field the host needs is missing or malformed: the
 * caller answers 30. The PAN comes from field 2 (chip) or from track 2 (swipe).
 */
export function readSaleRequest(message: IsoMessage): SaleRequest | undefined {
  const { fields } = message;
  const processingCode = text(fields[3]);
  const amount = text(fields[4]);
  const stan = text(fields[11]);
  const entryMode = text(fields[22]);
  const terminalId = text(fields[41]);
  const merchantId = text(fields[42]);
  const reserved = text(fields[60]);
  const card = cardFrom(fields);
  const pinBlock = fields[52];
  if (
    processingCode === undefined ||
    amount === undefined ||
    stan === undefined ||
    entryMode === undefined ||
    terminalId === undefined ||
    merchantId === undefined ||
    reserved === undefined ||
    reserved.length < 8 ||
    card === undefined ||
    (pinBlock !== undefined && !(pinBlock instanceof Uint8Array))
  ) {
    return undefined;
  }
  const amountMinor = Number(amount);
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return undefined;
  return {
    processingCode,
    amountMinor,
    stan,
    terminalId,
    merchantId,
    entryMode,
    batch: reserved.slice(2, 8),
    pan: card.pan,
    expiry: card.expiry,
    pinBlock,
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

function text(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
