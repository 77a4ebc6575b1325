import { PoslabError } from '../../platform/errors.ts';
import type { ErrorSide } from '../../platform/errors.ts';

/**
 * EMV BER-TLV (EMV Book 3 annex B). Tags are 1–4 bytes (low five bits all set in the first byte
 * mean "more tag bytes follow"; then bit 8 set means "and another"), lengths 1–4 bytes (short
 * form, or 0x81/0x82/0x83 followed by 1–3 length bytes). A tag whose first byte has bit 6 set is
 * constructed: its value is itself TLV and decodes into `children`. 0x00 bytes between objects
 * are padding (Book 3 B1) and are skipped.
 */
export interface Tlv {
  /** Uppercase hex, e.g. '9F26'. */
  tag: string;
  value: Uint8Array;
  children?: Tlv[];
}

export class TlvError extends PoslabError {
  readonly offset: number;

  constructor(message: string, side: ErrorSide, offset: number) {
    super('TLV_BAD', `TLV at offset ${offset}: ${message}`, { side });
    this.offset = offset;
  }
}

const MAX_TAG_BYTES = 4;
/** Deeper nesting than any EMV template; the bound keeps hostile input off the call stack. */
const MAX_DEPTH = 16;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

function isConstructed(firstTagByte: number): boolean {
  return (firstTagByte & 0x20) !== 0;
}

export function decodeTlv(bytes: Uint8Array): Tlv[] {
  return decodeRange(bytes, 0, bytes.length, 0);
}

function decodeRange(bytes: Uint8Array, start: number, end: number, depth: number): Tlv[] {
  if (depth > MAX_DEPTH) throw new TlvError('nested too deeply', 'peer', start);
  const items: Tlv[] = [];
  let pos = start;
  while (pos < end) {
    if (bytes[pos] === 0x00) {
      pos++;
      continue;
    }
    const tagStart = pos;
    const first = bytes[pos++] as number;
    let tag = HEX[first] as string;
    if ((first & 0x1f) === 0x1f) {
      let next: number;
      do {
        if (pos >= end) throw new TlvError('tag cut short', 'peer', tagStart);
        if (pos - tagStart >= MAX_TAG_BYTES) throw new TlvError('tag too long', 'peer', tagStart);
        next = bytes[pos++] as number;
        tag += HEX[next] as string;
      } while ((next & 0x80) !== 0);
    }

    if (pos >= end) throw new TlvError('length missing', 'peer', pos);
    let length = bytes[pos++] as number;
    if (length > 0x7f) {
      const count = length & 0x7f;
      if (count === 0 || count > 3) throw new TlvError('unsupported length form', 'peer', pos - 1);
      if (pos + count > end) throw new TlvError('length cut short', 'peer', pos - 1);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (bytes[pos++] as number);
    }
    if (pos + length > end) throw new TlvError('value runs past the end', 'peer', pos);

    const item: Tlv = { tag, value: bytes.slice(pos, pos + length) };
    if (isConstructed(first)) item.children = decodeRange(bytes, pos, pos + length, depth + 1);
    items.push(item);
    pos += length;
  }
  return items;
}

function tagBytes(tag: string): number[] {
  const bad = (): TlvError => new TlvError(`tag '${tag}' is not a well-formed BER tag`, 'local', 0);
  if (tag.length === 0 || tag.length % 2 !== 0 || tag.length > MAX_TAG_BYTES * 2) throw bad();
  const out: number[] = [];
  for (let i = 0; i < tag.length; i += 2) {
    const byte = Number.parseInt(tag.slice(i, i + 2), 16);
    if (Number.isNaN(byte) || HEX[byte] !== tag.slice(i, i + 2).toUpperCase()) throw bad();
    out.push(byte);
  }
  // 0x00 is padding on the wire, so it cannot start a tag.
  if (out[0] === 0x00) throw bad();
  const multiByte = ((out[0] as number) & 0x1f) === 0x1f;
  if (!multiByte && out.length !== 1) throw bad();
  for (let i = 1; i < out.length; i++) {
    const more = ((out[i] as number) & 0x80) !== 0;
    if (more !== (i < out.length - 1)) throw bad();
  }
  if (multiByte && out.length === 1) throw bad();
  return out;
}

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  if (length <= 0xffff) return [0x82, length >> 8, length & 0xff];
  if (length <= 0xffffff) return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  throw new TlvError(`value of ${length} bytes is too long`, 'local', 0);
}

function encodeParts(items: readonly Tlv[], parts: number[][], values: Uint8Array[]): number {
  let total = 0;
  for (const item of items) {
    const tag = tagBytes(item.tag);
    let value = item.value;
    if (item.children !== undefined) {
      if (!isConstructed(tag[0] as number)) {
        throw new TlvError(`tag ${item.tag} is primitive but has children`, 'local', 0);
      }
      value = encodeTlv(item.children);
    }
    const head = tag.concat(lengthBytes(value.length));
    parts.push(head);
    values.push(value);
    total += head.length + value.length;
  }
  return total;
}

/** Constructed tags with `children` are encoded from the children; otherwise from `value`. */
export function encodeTlv(items: readonly Tlv[]): Uint8Array {
  const heads: number[][] = [];
  const values: Uint8Array[] = [];
  const out = new Uint8Array(encodeParts(items, heads, values));
  let pos = 0;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i] as number[];
    const value = values[i] as Uint8Array;
    out.set(head, pos);
    pos += head.length;
    out.set(value, pos);
    pos += value.length;
  }
  return out;
}

/** Depth-first: the first item with this tag, at any level. */
export function findTag(items: readonly Tlv[], tag: string): Tlv | undefined {
  const wanted = tag.toUpperCase();
  for (const item of items) {
    if (item.tag === wanted) return item;
    if (item.children !== undefined) {
      const found = findTag(item.children, wanted);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
