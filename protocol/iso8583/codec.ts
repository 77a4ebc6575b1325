import { Iso8583Error } from './errors.ts';
import { compileField } from './field-codec.ts';
import type { Cursor, FieldCodec } from './field-codec.ts';
import type { Dialect, FieldValue, IsoMessage, MessageHeader } from './types.ts';

/**
 * Theory of operation. A message travels as HEADER (TPDU + application header) · MTI (2 BCD
 * bytes) · BITMAP (8 bytes, or 16 when any field above 64 is present; bit 1 flags the second
 * half) · fields in ascending order. Each dialect is compiled once into an array of field codecs
 * indexed by field number, a scratch buffer big enough for the largest possible message and a
 * read cursor, so packing writes into the scratch and makes a single copy (a signed message gets
 * its MAC computed over the scratch before that copy), and unpacking walks the bitmap with the
 * one cursor. Unpacking copies no bytes: the header and binary field values are views into the
 * bytes given, which the caller must not change while it uses them. Pack errors are ours (side
 * 'local'); unpack errors are the peer's (side 'peer'), and nothing else escapes unpack whatever
 * the bytes. None of this is re-entrant, and none of it needs to be: it never calls out while a
 * scratch or cursor is in use, except to a signer that only computes a MAC.
 */

const TPDU_LENGTH = 5;
const MTI_LENGTH = 2;
const MAC_LENGTH = 8;
const MAC_FIELD = 64;
const MAX_FIELD = 128;
const MAC_PLACEHOLDER = new Uint8Array(MAC_LENGTH);

interface CompiledDialect {
  readonly codecs: ReadonlyArray<FieldCodec | undefined>;
  readonly scratch: Uint8Array;
  readonly cursor: Cursor;
}

const compiled = new WeakMap<Dialect, CompiledDialect>();

function compile(dialect: Dialect): CompiledDialect {
  const cached = compiled.get(dialect);
  if (cached !== undefined) return cached;
  const codecs: Array<FieldCodec | undefined> = new Array<FieldCodec | undefined>(MAX_FIELD + 1).fill(undefined);
  let maxBytes = dialect.headerLength + MTI_LENGTH + 16;
  for (const spec of dialect.fields.values()) {
    const codec = compileField(spec);
    codecs[spec.id] = codec;
    maxBytes += codec.maxBytes;
  }
  const result: CompiledDialect = { codecs, scratch: new Uint8Array(maxBytes), cursor: { pos: 0 } };
  compiled.set(dialect, result);
  return result;
}

function writeMti(mti: string, out: Uint8Array, pos: number): void {
  if (typeof mti !== 'string' || mti.length !== 4) {
    throw new Iso8583Error('ISO_BAD_MTI', 'local', 'MTI must be 4 digits', { offset: pos });
  }
  for (let i = 0; i < 4; i += 2) {
    const hi = mti.charCodeAt(i) - 48;
    const lo = mti.charCodeAt(i + 1) - 48;
    if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
      throw new Iso8583Error('ISO_BAD_MTI', 'local', 'MTI must be 4 digits', { offset: pos });
    }
    out[pos + i / 2] = (hi << 4) | lo;
  }
}

function readMti(bytes: Uint8Array, pos: number): string {
  const b0 = bytes[pos] as number;
  const b1 = bytes[pos + 1] as number;
  if (b0 >> 4 > 9 || (b0 & 15) > 9 || b1 >> 4 > 9 || (b1 & 15) > 9) {
    throw new Iso8583Error('ISO_BAD_MTI', 'peer', 'MTI is not BCD', { offset: pos });
  }
  return String.fromCharCode(48 + (b0 >> 4), 48 + (b0 & 15), 48 + (b1 >> 4), 48 + (b1 & 15));
}

/** TPDU + header + MTI (BCD) + bitmap + fields; the 2-byte length frame is framing's job. */
export function packMessage(dialect: Dialect, message: IsoMessage, header: MessageHeader = dialect.defaultHeader): Uint8Array {
  return compile(dialect).scratch.slice(0, packIntoScratch(dialect, message, header, false));
}

/** What computes field 64 over the bytes `macRegion` covers, such as a retail MAC key. */
export interface MessageSigner {
  mac(region: Uint8Array): Uint8Array;
}

/**
 * Packs `message`, whose fields must stop before 64, with field 64 added holding the signer's
 * MAC: the same bytes as `withMac(packed, mac(macRegion(packed)))` of the message with a
 * placeholder 64, with one copy instead of three.
 */
export function packSigned(dialect: Dialect, message: IsoMessage, header: MessageHeader, signer: MessageSigner): Uint8Array {
  const out = compile(dialect).scratch;
  const length = packIntoScratch(dialect, message, header, true);
  const mac = signer.mac(out.subarray(dialect.headerLength, length - MAC_LENGTH));
  if (mac.length !== MAC_LENGTH) {
    throw new Iso8583Error('ISO_BAD_FORMAT', 'local', 'MAC must be 8 bytes', { field: MAC_FIELD, offset: length - MAC_LENGTH });
  }
  out.set(mac, length - MAC_LENGTH);
  return out.slice(0, length);
}

/** Packs into the dialect's scratch, with a zero field 64 added when `macSlot`; returns the length. */
function packIntoScratch(dialect: Dialect, message: IsoMessage, header: MessageHeader, macSlot: boolean): number {
  const { codecs, scratch: out } = compile(dialect);
  const headerLength = dialect.headerLength;
  if (header.tpdu.length !== TPDU_LENGTH || header.appHeader.length !== headerLength - TPDU_LENGTH) {
    throw new Iso8583Error('ISO_BAD_FORMAT', 'local', `header must be ${headerLength} bytes`, { offset: 0 });
  }
  out.set(header.tpdu, 0);
  out.set(header.appHeader, TPDU_LENGTH);
  writeMti(message.mti, out, headerLength);

  const bitmapAt = headerLength + MTI_LENGTH;
  out.fill(0, bitmapAt, bitmapAt + 16);
  const fieldsAt = bitmapAt + 16;
  let pos = fieldsAt;
  let last = 0;
  const fields = message.fields;
  // Field numbers in turn rather than for…in: enumerating an object's integer keys builds a
  // string for each, only to be parsed back. Keys other than 1…128 name no field and are not read.
  for (let id = 1; id <= MAX_FIELD; id++) {
    const value = fields[id];
    if (value === undefined) continue;
    pos = packField(dialect, codecs, id, value, out, pos);
    last = id;
  }
  if (macSlot) {
    if (last >= MAC_FIELD) {
      throw new Iso8583Error('ISO_BAD_FORMAT', 'local', 'a signed message ends at field 64', { field: last, offset: pos });
    }
    pos = packField(dialect, codecs, MAC_FIELD, MAC_PLACEHOLDER, out, pos);
    last = MAC_FIELD;
  }

  if (last > 64) {
    out[bitmapAt] = (out[bitmapAt] as number) | 0x80;
    return pos;
  }
  out.copyWithin(bitmapAt + 8, fieldsAt, pos);
  return pos - 8;
}

/** Writes field `id` at `pos` and sets its bit in the bitmap (at its fixed place after the header and MTI). */
function packField(
  dialect: Dialect,
  codecs: ReadonlyArray<FieldCodec | undefined>,
  id: number,
  value: FieldValue,
  out: Uint8Array,
  pos: number,
): number {
  const codec = codecs[id];
  if (codec === undefined) throw new Iso8583Error('ISO_UNKNOWN_FIELD', 'local', `not in dialect ${dialect.name}`, { field: id, offset: pos });
  const end = codec.pack(value, out, pos);
  const bitmapByte = dialect.headerLength + MTI_LENGTH + ((id - 1) >> 3);
  out[bitmapByte] = (out[bitmapByte] as number) | (0x80 >> ((id - 1) & 7));
  return end;
}

export function unpackMessage(dialect: Dialect, bytes: Uint8Array): { header: MessageHeader; message: IsoMessage } {
  const { codecs, cursor } = compile(dialect);
  const headerLength = dialect.headerLength;
  const bitmapAt = headerLength + MTI_LENGTH;
  if (bytes.length < bitmapAt + 8) {
    throw new Iso8583Error('ISO_TRUNCATED', 'peer', 'shorter than header, MTI and bitmap', { offset: bytes.length });
  }
  const header: MessageHeader = {
    tpdu: bytes.subarray(0, TPDU_LENGTH),
    appHeader: bytes.subarray(TPDU_LENGTH, headerLength),
  };
  const mti = readMti(bytes, headerLength);
  const bitmapLength = ((bytes[bitmapAt] as number) & 0x80) === 0 ? 8 : 16;
  if (bytes.length < bitmapAt + bitmapLength) {
    throw new Iso8583Error('ISO_TRUNCATED', 'peer', 'secondary bitmap cut short', { offset: bytes.length });
  }

  const fields: Partial<Record<number, FieldValue>> = {};
  // Stored first, the highest field sizes the object's element store once, where stores in wire
  // order would regrow it two or three times; being read last, its placeholder is overwritten.
  const highest = highestField(bytes, bitmapAt, bitmapLength);
  if (highest > 1) fields[highest] = undefined;
  cursor.pos = bitmapAt + bitmapLength;
  for (let index = 0; index < bitmapLength; index++) {
    const bits = bytes[bitmapAt + index] as number;
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if ((bits & (0x80 >> bit)) === 0) continue;
      const id = index * 8 + bit + 1;
      if (id === 1) continue;
      const codec = codecs[id];
      if (codec === undefined) {
        throw new Iso8583Error('ISO_UNKNOWN_FIELD', 'peer', `bitmap names a field not in dialect ${dialect.name}`, {
          field: id,
          offset: bitmapAt + index,
        });
      }
      fields[id] = codec.unpack(bytes, cursor);
    }
  }
  if (cursor.pos !== bytes.length) {
    throw new Iso8583Error('ISO_BAD_FORMAT', 'peer', `${bytes.length - cursor.pos} bytes after the last field`, { offset: cursor.pos });
  }
  return { header, message: { mti, fields } };
}

/** The highest field number the bitmap names (1 for a bitmap naming nothing but bit 1), or 0. */
function highestField(bytes: Uint8Array, bitmapAt: number, bitmapLength: number): number {
  for (let index = bitmapLength - 1; index >= 0; index--) {
    const bits = bytes[bitmapAt + index] as number;
    if (bits !== 0) return index * 8 + 8 - (31 - Math.clz32(bits & -bits));
  }
  return 0;
}

/**
 * The bytes the MAC covers: from the MTI to the end of the last field before 64. Field 64 must be
 * present and last (a local precondition: unpack and check `fields[64]` before calling this on a
 * peer's message). Returns a view into `packed`, not a copy.
 */
export function macRegion(dialect: Dialect, packed: Uint8Array): Uint8Array {
  const bitmapAt = dialect.headerLength + MTI_LENGTH;
  if (packed.length < bitmapAt + 8 + MAC_LENGTH || ((packed[bitmapAt + 7] as number) & 0x01) === 0) {
    throw new Iso8583Error('ISO_BAD_FORMAT', 'local', 'field 64 is absent', { field: 64, offset: bitmapAt });
  }
  if (((packed[bitmapAt] as number) & 0x80) !== 0) {
    for (let i = 8; i < 16; i++) {
      if (packed[bitmapAt + i] !== 0) {
        throw new Iso8583Error('ISO_BAD_FORMAT', 'local', 'field 64 is not the last field', { field: 64, offset: bitmapAt + i });
      }
    }
  }
  return packed.subarray(dialect.headerLength, packed.length - MAC_LENGTH);
}

/** A copy of `packed` whose last 8 bytes (field 64) are `mac`. */
export function withMac(packed: Uint8Array, mac: Uint8Array): Uint8Array {
  if (mac.length !== MAC_LENGTH || packed.length < MAC_LENGTH) {
    throw new Iso8583Error('ISO_BAD_FORMAT', 'local', 'MAC must be 8 bytes at the end of a message', {
      field: 64,
      offset: packed.length,
    });
  }
  const copy = packed.slice();
  copy.set(mac, packed.length - MAC_LENGTH);
  return copy;
}
