import type { FieldValue, IsoMessage } from '../../protocol/iso8583/types.ts';
import type { ResponseCode } from '../response-codes.ts';
import { answerMti, echoFields } from './answer.ts';
import { cardFrom } from './financial-request.ts';
import type { HostContext } from './handler.ts';
import { hostTime } from './host-time.ts';
import { newRetrievalReference } from './references.ts';

export interface References {
  readonly rrn: string;
  readonly authCode: string | undefined;
}

/**
 * The answer to a 0200, 0220 or 0100 ("as a sale" in the wire doc): the request's 3, 4, 11,
 * 25, 41, 42, 49 and 60 echoed, the PAN in 2 and expiry in 14, the host's time in 12/13, the
 * institution in 32 and 44, a fresh 37, 38 on approval, and `extra` (field 4 of a partial
 * approval, field 54 of a balance).
 */
export function financialAnswer(
  request: IsoMessage,
  context: HostContext,
  code: ResponseCode,
  references?: References,
  extra: Partial<Record<number, FieldValue>> = {},
): IsoMessage {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  const card = cardFrom(request.fields);
  // Filled in place: every sale builds one, and spreads of optional parts cost more than the packing.
  const fields = echoFields(request, ECHOED);
  if (card !== undefined) {
    fields[2] = card.pan;
    if (card.expiry !== undefined) fields[14] = card.expiry;
  }
  fields[12] = time.time;
  fields[13] = time.date;
  fields[32] = context.institutionId;
  fields[37] = references?.rrn ?? newRetrievalReference(context.referenceRandom);
  if (references?.authCode !== undefined) fields[38] = references.authCode;
  fields[39] = code;
  fields[44] = `${context.institutionId.padEnd(11)}${context.institutionId.padEnd(11)}`;
  return { mti: answerMti(request.mti) ?? request.mti, fields: Object.assign(fields, extra) };
}

const ECHOED: readonly number[] = [3, 4, 11, 25, 41, 42, 49, 60];

/** Field 4's form: twelve digits of fen. */
export function amountField(amountMinor: number): string {
  return String(amountMinor).padStart(12, '0');
}
