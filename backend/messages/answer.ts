import type { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
import { packMessage, packSigned } from '../../protocol/iso8583/codec.ts';
import type { Dialect, FieldValue, IsoMessage, MessageHeader } from '../../protocol/iso8583/types.ts';

/**
 * The answer's MTI: the third digit goes from request (0), advice (2) or notification (4) to
 * the one after it. A response or advice response is not a request and gets no answer.
 */
export function answerMti(requestMti: string): string | undefined {
  const fn = Number(requestMti[2]);
  if (requestMti.length !== 4 || !Number.isInteger(fn) || fn % 2 !== 0 || fn > 4) return undefined;
  // One string from four codes, where slices and a template made five: every answer asks twice.
  return String.fromCharCode(requestMti.charCodeAt(0), requestMti.charCodeAt(1), 0x30 + fn + 1, requestMti.charCodeAt(3));
}

/** The TPDU turned round (destination and source NII swapped); the application header echoed as it came. */
export function answerHeader(header: MessageHeader): MessageHeader {
  const from = header.tpdu;
  const tpdu = new Uint8Array(5);
  tpdu[0] = from[0] as number;
  tpdu[1] = from[3] as number;
  tpdu[2] = from[4] as number;
  tpdu[3] = from[1] as number;
  tpdu[4] = from[2] as number;
  return { tpdu, appHeader: header.appHeader };
}

/** The request's values for `ids`, where it has them. */
export function echoFields(request: IsoMessage, ids: readonly number[]): Partial<Record<number, FieldValue>> {
  const fields: Partial<Record<number, FieldValue>> = {};
  for (const id of ids) {
    const value = request.fields[id];
    if (value !== undefined) fields[id] = value;
  }
  return fields;
}

/** Packs an answer and, given a MAC key, seals it with field 64 holding the MAC of everything before it. */
export function packAnswer(dialect: Dialect, message: IsoMessage, header: MessageHeader, macKey?: RetailMacKey): Uint8Array {
  return macKey ? packSigned(dialect, message, header, macKey) : packMessage(dialect, message, header);
}
