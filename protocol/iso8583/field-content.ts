import { Iso8583Error } from './errors.ts';
import type { FieldValue } from './types.ts';

/**
 * The content half of a field encoder: how a value's characters or bytes become wire bytes.
 * `units` are digits for BCD parts and bytes for the others, the same unit the length prefix
 * counts. A part never sees the prefix; field-codec.ts composes the two.
 */
export interface ContentPart {
  /** Units the value holds; throws ISO_BAD_FORMAT (local) for a value of the wrong type. */
  measure(value: FieldValue, field: number): number;
  /** Wire bytes taken by a slot of `units` units. */
  bytesFor(units: number): number;
  /**
   * Writes a value of `units` units into a slot of `slotUnits` units at `pos`, checking each
   * character on the way (one pass, not two); throws ISO_BAD_FORMAT (local) for a bad one.
   */
  write(value: FieldValue, units: number, slotUnits: number, out: Uint8Array, pos: number, field: number): void;
  /**
   * Reads `units` units at `pos`; throws ISO_BAD_FORMAT (peer) for bytes outside the alphabet.
   * Bytes come back as a view into `bytes`, not a copy.
   */
  read(bytes: Uint8Array, pos: number, units: number, field: number): FieldValue;
}

function badValue(field: number, what: string): Iso8583Error {
  return new Iso8583Error('ISO_BAD_FORMAT', 'local', what, { field, offset: 0 });
}

function badBytes(field: number, offset: number, what: string): Iso8583Error {
  return new Iso8583Error('ISO_BAD_FORMAT', 'peer', what, { field, offset });
}

/**
 * A field's characters are gathered as codes here and made into a string once: built up a
 * pair of digits at a time, a 19-digit PAN made nine strings on the way, and text decoded from
 * the message needed a view of it, which cost as much as the string. Reads never call out, so
 * one scratch serves them all.
 */
let scratch = Buffer.alloc(256);

function scratchFor(units: number): Buffer {
  if (scratch.length < units) scratch = Buffer.alloc(units);
  return scratch;
}

/** The first `units` codes in the scratch, every one below 128, as a string. */
function scratchText(units: number): string {
  return scratch.toString('latin1', 0, units);
}

/** Which characters a BCD field carries, and the nibble each one travels as. */
interface NibbleAlphabet {
  readonly label: string;
  /** char code (< 128) → nibble, or -1 */
  readonly toNibble: Int8Array;
  /** nibble → its character's code, or 0 */
  readonly toCode: Uint8Array;
}

function nibbleAlphabet(label: string, extra: ReadonlyArray<readonly [string, number]>): NibbleAlphabet {
  const toNibble = new Int8Array(128).fill(-1);
  const toCode = new Uint8Array(16);
  for (let d = 0; d < 10; d++) {
    toNibble[48 + d] = d;
    toCode[d] = 48 + d;
  }
  for (const [char, nibble] of extra) {
    toNibble[char.charCodeAt(0)] = nibble;
    toCode[nibble] = char.charCodeAt(0);
  }
  return { label, toNibble, toCode };
}

const DIGITS = nibbleAlphabet('digits', []);
const TRACK = nibbleAlphabet('track characters', [['=', 0xd]]);

/**
 * BCD, two characters a byte. A slot with an odd number of units gets one 0 pad nibble: in front
 * when `rightAligned` (fixed fields, where a short value is also zero-filled on the left), at the
 * end otherwise (variable fields, whose prefix gives the exact count).
 */
function bcdPart(alphabet: NibbleAlphabet, rightAligned: boolean): ContentPart {
  const { toNibble, toCode } = alphabet;
  return {
    measure(value, field) {
      if (typeof value !== 'string') throw badValue(field, `expected ${alphabet.label} as a string`);
      return value.length;
    },
    bytesFor: (units) => (units + 1) >> 1,
    write(value, units, slotUnits, out, pos, field) {
      const text = value as string;
      const byteCount = (slotUnits + 1) >> 1;
      const lead = rightAligned ? byteCount * 2 - units : 0;
      for (let i = 0; i < byteCount; i++) {
        const n0 = 2 * i - lead;
        const n1 = n0 + 1;
        // Char codes of 128 and up read as undefined, which fails the check like -1 does.
        const hi = n0 >= 0 && n0 < units ? (toNibble[text.charCodeAt(n0)] ?? -1) : 0;
        const lo = n1 >= 0 && n1 < units ? (toNibble[text.charCodeAt(n1)] ?? -1) : 0;
        if ((hi | lo) < 0) throw badValue(field, `not ${alphabet.label} at position ${hi < 0 ? n0 : n1}`);
        out[pos + i] = (hi << 4) | lo;
      }
    },
    read(bytes, pos, units, field) {
      const lead = rightAligned ? units & 1 : 0;
      const codes = scratchFor(units);
      for (let i = 0; i < units; i++) {
        const nibble = i + lead;
        const at = pos + (nibble >> 1);
        const byte = bytes[at] as number;
        const code = toCode[(nibble & 1) === 0 ? byte >> 4 : byte & 15] as number;
        if (code === 0) throw badBytes(field, at, `bad ${alphabet.label} nibble`);
        codes[i] = code;
      }
      return scratchText(units);
    },
  };
}

/** ASCII text; a fixed slot is filled with spaces on the right. */
function asciiPart(label: string, allowed: Uint8Array): ContentPart {
  return {
    measure(value, field) {
      if (typeof value !== 'string') throw badValue(field, `expected ${label} as a string`);
      return value.length;
    },
    bytesFor: (units) => units,
    write(value, units, slotUnits, out, pos, field) {
      const text = value as string;
      for (let i = 0; i < units; i++) {
        const code = text.charCodeAt(i);
        if (code >= 128 || allowed[code] === 0) throw badValue(field, `not ${label} at position ${i}`);
        out[pos + i] = code;
      }
      for (let i = units; i < slotUnits; i++) out[pos + i] = 0x20;
    },
    read(bytes, pos, units, field) {
      const codes = scratchFor(units);
      for (let i = 0; i < units; i++) {
        const code = bytes[pos + i] as number;
        if (code >= 128 || allowed[code] === 0) throw badBytes(field, pos + i, `byte outside ${label}`);
        codes[i] = code;
      }
      return scratchText(units);
    },
  };
}

function charClass(test: (code: number) => boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = test(code) ? 1 : 0;
  return table;
}

const ALPHANUMERIC = charClass(
  (c) => c === 0x20 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a),
);
const PRINTABLE = charClass((c) => c >= 0x20 && c <= 0x7e);

const binaryPart: ContentPart = {
  measure(value, field) {
    if (!(value instanceof Uint8Array)) throw badValue(field, 'expected bytes (Uint8Array)');
    return value.length;
  },
  bytesFor: (units) => units,
  write(value, _units, _slotUnits, out, pos) {
    out.set(value as Uint8Array, pos);
  },
  read: (bytes, pos, units) => bytes.subarray(pos, pos + units),
};

export const contentParts = {
  numericFixed: bcdPart(DIGITS, true),
  numericVariable: bcdPart(DIGITS, false),
  trackFixed: bcdPart(TRACK, true),
  trackVariable: bcdPart(TRACK, false),
  alphanumeric: asciiPart('alphanumeric text', ALPHANUMERIC),
  printable: asciiPart('printable ASCII', PRINTABLE),
  binary: binaryPart,
} as const;
