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
  return writtenDirectly(message) ?? JSON.stringify(storedForm(message));
}

/** Field keys as JSON writes them, `"39":`, made once. */
const KEYS = Array.from({ length: MAX_FIELD + 1 }, (_, id) => `"${id}":`);

/**
 * The JSON of the answer's `Stored` form, written straight into bytes and made into a string
 * once (every answer is kept, and one built from pieces made a string for each piece); or
 * undefined when a value has a character JSON escapes or one beyond Latin-1, which is rare.
 */
function writtenDirectly(message: IsoMessage): string | undefined {
  const out = writer;
  out.length = 0;
  out.raw('{"mti":');
  if (!out.string(message.mti)) return undefined;
  out.raw(',"fields":{');
  let pan = false;
  let expiry = false;
  let first = true;
  for (let id = 1; id <= MAX_FIELD; id++) {
    const value = message.fields[id];
    if (value === undefined) continue;
    // Card data (2, 14) comes back from the repeated request itself; the MAC (64) is computed afresh.
    if (id === 2) pan = true;
    else if (id === 14) expiry = true;
    else if (id !== 64 && typeof value === 'string') {
      if (!first) out.raw(',');
      out.raw(KEYS[id] as string);
      if (!out.string(value)) return undefined;
      first = false;
    }
  }
  out.raw('},"card":[');
  if (pan) out.raw(expiry ? '2,14' : '2');
  else if (expiry) out.raw('14');
  out.raw(']}');
  return out.text();
}

function storedForm(message: IsoMessage): Stored {
  const fields: Record<string, string> = {};
  const card: number[] = [];
  for (let id = 1; id <= MAX_FIELD; id++) {
    const value = message.fields[id];
    if (value === undefined) continue;
    if (id === 2 || id === 14) card.push(id);
    else if (id !== 64 && typeof value === 'string') fields[id] = value;
  }
  return { mti: message.mti, fields, card };
}

/** Latin-1 text written as bytes, one per character; not re-entrant, and nothing calls out while it is in use. */
class Latin1Writer {
  #bytes = Buffer.alloc(1024);
  length = 0;

  /** Text known to need no escaping. */
  raw(text: string): void {
    this.#room(text.length);
    for (let i = 0; i < text.length; i++) this.#bytes[this.length++] = text.charCodeAt(i);
  }

  /** `text` as a JSON string; false, with nothing meaningful written, if JSON would escape a character or it is beyond Latin-1. */
  string(text: string): boolean {
    this.#room(text.length + 2);
    const bytes = this.#bytes;
    let at = this.length;
    bytes[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 || code === 0x22 || code === 0x5c || code > 0xff) return false;
      bytes[at++] = code;
    }
    bytes[at++] = 0x22;
    this.length = at;
    return true;
  }

  text(): string {
    return this.#bytes.toString('latin1', 0, this.length);
  }

  #room(more: number): void {
    if (this.length + more <= this.#bytes.length) return;
    const grown = Buffer.alloc(Math.max(2 * this.#bytes.length, this.length + more));
    this.#bytes.copy(grown, 0, 0, this.length);
    this.#bytes = grown;
  }
}

const writer = new Latin1Writer();

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
