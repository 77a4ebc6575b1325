import { Iso8583Error } from './errors.ts';
import type { LengthKind } from './types.ts';

/**
 * The length half of a field encoder. LL is one BCD byte (00–99), LLL two BCD bytes (0000–0999).
 * A fixed field has no prefix; its size comes from the spec.
 */
export interface LengthPrefix {
  readonly kind: LengthKind;
  readonly size: number;
  write(units: number, out: Uint8Array, pos: number): void;
  /** The declared unit count; throws ISO_BAD_FORMAT (peer) for a non-BCD prefix. */
  read(bytes: Uint8Array, pos: number, field: number): number;
}

function bcdByte(byte: number, field: number, offset: number): number {
  const hi = byte >> 4;
  const lo = byte & 15;
  if (hi > 9 || lo > 9) throw new Iso8583Error('ISO_BAD_FORMAT', 'peer', 'length prefix is not BCD', { field, offset });
  return hi * 10 + lo;
}

function toBcdByte(value: number): number {
  return (Math.floor(value / 10) << 4) | value % 10;
}

const fixed: LengthPrefix = {
  kind: 'fixed',
  size: 0,
  write() {},
  read: () => 0,
};

const ll: LengthPrefix = {
  kind: 'LL',
  size: 1,
  write(units, out, pos) {
    out[pos] = toBcdByte(units);
  },
  read: (bytes, pos, field) => bcdByte(bytes[pos] as number, field, pos),
};

const lll: LengthPrefix = {
  kind: 'LLL',
  size: 2,
  write(units, out, pos) {
    out[pos] = Math.floor(units / 100);
    out[pos + 1] = toBcdByte(units % 100);
  },
  read(bytes, pos, field) {
    const hundreds = bcdByte(bytes[pos] as number, field, pos);
    if (hundreds > 9) throw new Iso8583Error('ISO_BAD_FORMAT', 'peer', 'length prefix over 999', { field, offset: pos });
    return hundreds * 100 + bcdByte(bytes[pos + 1] as number, field, pos + 1);
  },
};

export const lengthPrefixes: Readonly<Record<LengthKind, LengthPrefix>> = { fixed, LL: ll, LLL: lll };
