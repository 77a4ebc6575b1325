import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { cardFrom } from './financial-request.ts';

const MAX_FIELD = 128;

interface Stored {
  readonly mti: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Which of fields 2 and 14 the answer carried. */
  readonly card: readonly number[];
}

/**
 * An answer as the journal keeps it, so that a repeat (MTI ending in 1), even after a restart,
 * gets the very same answer: same 37, 38, 39, same times. No PAN reaches the store.
 */
export function storableAnswer(message: IsoMessage): string {
  // Written out directly: the JSON of a `Stored`, without building one first (every answer is kept).
  let fields = '';
  let card = '';
  for (let id = 1; id <= MAX_FIELD; id++) {
    const value = message.fields[id];
    if (value === undefined) continue;
    // Card data (2, 14) comes back from the repeated request itself; the MAC (64) is computed afresh.
    if (id === 2 || id === 14) card += card === '' ? id : `,${id}`;
    else if (id !== 64 && typeof value === 'string') fields += `${fields === '' ? '"' : ',"'}${id}":${jsonString(value)}`;
  }
  return `{"mti":${jsonString(message.mti)},"fields":{${fields}},"card":[${card}]}`;
}

const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** The stored answer again, with the PAN and expiry read from the repeat that asks for it. */
export function replayAnswer(stored: string, request: IsoMessage): IsoMessage {
  const { mti, fields, card } = JSON.parse(stored) as Stored;
  const message: IsoMessage = { mti, fields: {} };
  for (const [key, value] of Object.entries(fields)) message.fields[Number(key)] = value;
  const fromRequest = cardFrom(request.fields);
  if (card.includes(2) && fromRequest) message.fields[2] = fromRequest.pan;
  if (card.includes(14) && fromRequest?.expiry !== undefined) message.fields[14] = fromRequest.expiry;
  return message;
}
