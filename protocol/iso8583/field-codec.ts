import { PoslabError } from '../../platform/errors.ts';
import { contentParts } from './field-content.ts';
import type { ContentPart } from './field-content.ts';
import { Iso8583Error } from './errors.ts';
import { lengthPrefixes } from './length-prefix.ts';
import type { FieldSpec, FieldValue } from './types.ts';

/** Read position shared by the field codecs of an unpack call; codec.ts keeps one per dialect and resets it each call. */
export interface Cursor {
  pos: number;
}

/** One field's spec compiled into a length prefix and a content part. */
export interface FieldCodec {
  readonly spec: FieldSpec;
  /** Most bytes this field can take on the wire, prefix included. */
  readonly maxBytes: number;
  /** Writes the field at `pos` and returns the position after it; throws local Iso8583Errors. */
  pack(value: FieldValue, out: Uint8Array, pos: number): number;
  /** Reads the field at `cursor.pos` and advances the cursor; throws peer Iso8583Errors. */
  unpack(bytes: Uint8Array, cursor: Cursor): FieldValue;
}

function contentFor(spec: FieldSpec): ContentPart {
  const fixed = spec.length === 'fixed';
  switch (spec.format) {
    case 'n':
      return fixed ? contentParts.numericFixed : contentParts.numericVariable;
    case 'z':
      return fixed ? contentParts.trackFixed : contentParts.trackVariable;
    case 'an':
      return contentParts.alphanumeric;
    case 'ans':
      return contentParts.printable;
    case 'b':
      return contentParts.binary;
  }
}

const PREFIX_CEILING = { fixed: Number.MAX_SAFE_INTEGER, LL: 99, LLL: 999 } as const;

function checkSpec(spec: FieldSpec): void {
  const sane =
    Number.isInteger(spec.id) &&
    spec.id >= 2 &&
    spec.id <= 128 &&
    spec.id !== 65 &&
    Number.isInteger(spec.max) &&
    spec.max >= 1 &&
    spec.max <= PREFIX_CEILING[spec.length];
  if (!sane) throw new PoslabError('ISO_BAD_DIALECT', `field spec ${spec.id} (${spec.name}) is not usable`);
}

export function compileField(spec: FieldSpec): FieldCodec {
  checkSpec(spec);
  const { id, max, format } = spec;
  const content = contentFor(spec);
  const prefix = lengthPrefixes[spec.length];
  const fixed = spec.length === 'fixed';
  const fixedBytes = content.bytesFor(max);

  return {
    spec,
    maxBytes: prefix.size + fixedBytes,

    pack(value, out, pos) {
      const units = content.measure(value, id);
      if (units > max) throw new Iso8583Error('ISO_TOO_LONG', 'local', `longer than ${max}`, { field: id, offset: pos });
      if (fixed) {
        if (format === 'b' && units !== max) {
          throw new Iso8583Error('ISO_BAD_FORMAT', 'local', `expected exactly ${max} bytes`, { field: id, offset: pos });
        }
        content.write(value, units, max, out, pos, id);
        return pos + fixedBytes;
      }
      prefix.write(units, out, pos);
      content.write(value, units, units, out, pos + prefix.size, id);
      return pos + prefix.size + content.bytesFor(units);
    },

    unpack(bytes, cursor) {
      let pos = cursor.pos;
      let units = max;
      if (!fixed) {
        if (pos + prefix.size > bytes.length) {
          throw new Iso8583Error('ISO_TRUNCATED', 'peer', 'length prefix cut short', { field: id, offset: pos });
        }
        units = prefix.read(bytes, pos, id);
        if (units > max) throw new Iso8583Error('ISO_TOO_LONG', 'peer', `declared length over ${max}`, { field: id, offset: pos });
        pos += prefix.size;
      }
      const size = content.bytesFor(units);
      if (pos + size > bytes.length) {
        throw new Iso8583Error('ISO_TRUNCATED', 'peer', `needs ${size} bytes`, { field: id, offset: pos });
      }
      const value = content.read(bytes, pos, units, id);
      cursor.pos = pos + size;
      return value;
    },
  };
}
