/**
 * ISO 8583 messages and dialects as plain data. A dialect is a table of field specs; the codec
 * (codec.ts) compiles each table once into per-field encoders and then only interprets it.
 */

/** `string` for n, z, an and ans fields; `Uint8Array` for b fields. */
export type FieldValue = string | Uint8Array;

export interface IsoMessage {
  mti: string;
  fields: Partial<Record<number, FieldValue>>;
}

/** The bytes in front of the MTI: TPDU (5 bytes) and the application header (the rest). */
export interface MessageHeader {
  tpdu: Uint8Array;
  appHeader: Uint8Array;
}

/**
 * n: BCD digits. z: track data in BCD with '=' sent as nibble D. an: ASCII letters, digits and
 * space. ans: printable ASCII. b: raw bytes.
 */
export type FieldFormat = 'n' | 'z' | 'an' | 'ans' | 'b';

/** LL: 1-byte BCD length prefix; LLL: 2-byte BCD length prefix. */
export type LengthKind = 'fixed' | 'LL' | 'LLL';

/** Why a field must never reach a log in clear; describe.ts redacts or masks by this. */
export type Sensitivity = 'pan' | 'track' | 'pin' | 'icc' | 'key' | 'mac';

/**
 * `max` counts digits for n and z fields and bytes for an, ans and b fields. For a fixed field it
 * is the exact size; for LL/LLL fields the upper bound of the prefix value.
 */
export interface FieldSpec {
  id: number;
  name: string;
  format: FieldFormat;
  length: LengthKind;
  max: number;
  sensitive?: Sensitivity;
}

/** `headerLength` is every byte before the MTI: the 5-byte TPDU plus the application header. */
export interface Dialect {
  name: string;
  headerLength: number;
  defaultHeader: MessageHeader;
  fields: ReadonlyMap<number, FieldSpec>;
}
