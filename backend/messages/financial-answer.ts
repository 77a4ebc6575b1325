import type { FieldValue, IsoMessage } from '../../protocol/iso8583/types.ts';
import type { ResponseCode } from '../response-codes.ts';
import { answerMti } from './answer.ts';
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
  extra?: Partial<Record<number, FieldValue>>,
): IsoMessage {
  const time = hostTime(context.clock, context.utcOffsetMinutes);
  const card = cardFrom(request.fields);
  const asked = request.fields;
  // Every sale builds one, so it is filled in place, and from the highest field down: the
  // object's element store is then sized once, where filled upwards it regrows as it goes.
  const fields: Partial<Record<number, FieldValue>> = {};
  echo(asked, fields, 60);
  echo(asked, fields, 49);
  fields[44] = institutionField(context.institutionId);
  echo(asked, fields, 42);
  echo(asked, fields, 41);
  fields[39] = code;
  if (references?.authCode !== undefined) fields[38] = references.authCode;
  fields[37] = references?.rrn ?? newRetrievalReference(context.referenceRandom);
  fields[32] = context.institutionId;
  echo(asked, fields, 25);
  if (card?.expiry !== undefined) fields[14] = card.expiry;
  fields[13] = time.date;
  fields[12] = time.time;
  echo(asked, fields, 11);
  echo(asked, fields, 4);
  echo(asked, fields, 3);
  if (card !== undefined) fields[2] = card.pan;
  if (extra !== undefined) Object.assign(fields, extra);
  return { mti: answerMti(request.mti) ?? request.mti, fields };
}

function echo(from: IsoMessage['fields'], to: IsoMessage['fields'], id: number): void {
  const value = from[id];
  if (value !== undefined) to[id] = value;
}

/** Field 44, the institution twice in 11 characters each: made once per institution, not per answer. */
function institutionField(institutionId: string): string {
  let field = institutionFields.get(institutionId);
  if (field === undefined) {
    field = `${institutionId.padEnd(11)}${institutionId.padEnd(11)}`;
    institutionFields.set(institutionId, field);
  }
  return field;
}

const institutionFields = new Map<string, string>();

/** Field 4's form: twelve digits of fen. */
export function amountField(amountMinor: number): string {
  return String(amountMinor).padStart(12, '0');
}
