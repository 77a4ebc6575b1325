import { decodeTlv, TlvError } from '../emv/tlv.ts';
import type { Tlv } from '../emv/tlv.ts';
import type { Dialect, FieldSpec, FieldValue, IsoMessage } from './types.ts';

export { responseCodeText } from './response-codes.ts';

/**
 * A message as lines that are safe for logs, events and reports: the PAN masked, track data,
 * PIN blocks, keys and MACs replaced by their size, ICC data reduced to its list of tags. A
 * field the dialect does not know is redacted too, since nothing says it is harmless.
 */
export function describeMessage(dialect: Dialect, message: IsoMessage): Array<{ field: number; name: string; value: string }> {
  const lines: Array<{ field: number; name: string; value: string }> = [];
  const fields = message.fields as Record<string, FieldValue | undefined>;
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    const field = Number(key);
    const spec = dialect.fields.get(field);
    lines.push({ field, name: spec?.name ?? 'unknown field', value: describeValue(spec, value) });
  }
  return lines;
}

/** First 6 and last 4 digits with '*' between; a PAN too short to keep 10 digits is all '*'. */
export function maskPan(pan: string): string {
  if (pan.length <= 10) return '*'.repeat(pan.length);
  const hidden = pan.length - 10;
  return pan.slice(0, 6) + (STARS[hidden] ?? '*'.repeat(hidden)) + pan.slice(-4);
}

/** The runs of '*' between the digits of a 12- to 19-digit PAN, made once: the host masks a PAN per sale. */
const STARS = Array.from({ length: 10 }, (_, n) => '*'.repeat(n));

function size(value: FieldValue): string {
  return typeof value === 'string' ? `${value.length} characters` : `${value.length} bytes`;
}

function describeValue(spec: FieldSpec | undefined, value: FieldValue): string {
  if (spec === undefined) return `[redacted: ${size(value)}]`;
  switch (spec.sensitive) {
    case 'pan':
      return typeof value === 'string' ? maskPan(value) : `[redacted: ${size(value)}]`;
    case 'track':
    case 'pin':
    case 'key':
    case 'mac':
      return `[redacted: ${size(value)}]`;
    case 'icc':
      return describeIcc(value);
    case undefined:
      return typeof value === 'string' ? value : toHex(value);
  }
}

function describeIcc(value: FieldValue): string {
  if (typeof value === 'string') return `[redacted: ${size(value)}]`;
  let items: Tlv[];
  try {
    items = decodeTlv(value);
  } catch (error) {
    if (!(error instanceof TlvError)) throw error;
    return `[ICC data: ${value.length} bytes, not valid TLV]`;
  }
  const tags: string[] = [];
  collectTags(items, tags);
  return `tags ${tags.join(' ')}`;
}

function collectTags(items: readonly Tlv[], into: string[]): void {
  for (const item of items) {
    into.push(item.tag);
    if (item.children !== undefined) collectTags(item.children, into);
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).toUpperCase().padStart(2, '0');
  return hex;
}
