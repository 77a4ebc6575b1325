/**
 * Turns text bytes into characters the way the printer's character generator does. In
 * one-byte mode, bytes below 0x80 are ASCII and the rest come from the `ESC t` code table.
 * In Chinese mode (FS &), a byte from 0x81 starts a GB18030 character of two bytes (second
 * byte 0x40-0xFE) or four (second byte a digit 0x30-0x39); ASCII stays one byte. Bytes arrive
 * one at a time, so a character split across serial chunks still decodes.
 */
import { codeTable, decodeGb18030 } from '../../protocol/escpos/code-tables.ts';

export interface DecodedChar {
  readonly char: string;
  /** A two-byte (full-width) character, drawn from the 24x24 font. */
  readonly wide: boolean;
}

const REPLACEMENT = '\ufffd';

export class TextDecoder {
  private pending: number[] = [];

  /** Feeds one text byte; returns a character once one is complete. */
  push(byte: number, table: number, chinese: boolean): DecodedChar | undefined {
    if (!chinese || (this.pending.length === 0 && byte < 0x80)) {
      this.pending = [];
      return { char: (codeTable(table) ?? codeTable(0)!)[byte]!, wide: false };
    }
    const bytes = [...this.pending, byte];
    this.pending = [];
    const valid = validPrefix(bytes);
    if (valid === 'complete') return { char: decodeGb18030(Uint8Array.from(bytes)), wide: true };
    if (valid === 'partial') {
      this.pending = bytes;
      return undefined;
    }
    return { char: REPLACEMENT, wide: true };
  }

  /** Drops half a character (mode change, ESC @, power loss). */
  reset(): void {
    this.pending = [];
  }
}

const inRange = (byte: number, low: number, high: number): boolean => byte >= low && byte <= high;

function validPrefix(bytes: readonly number[]): 'complete' | 'partial' | 'invalid' {
  const [b1, b2, b3, b4] = bytes;
  if (!inRange(b1!, 0x81, 0xfe)) return 'invalid';
  if (b2 === undefined) return 'partial';
  if ((inRange(b2, 0x40, 0x7e) || inRange(b2, 0x80, 0xfe)) && bytes.length === 2) return 'complete';
  if (!inRange(b2, 0x30, 0x39)) return 'invalid';
  if (b3 === undefined) return 'partial';
  if (!inRange(b3, 0x81, 0xfe)) return 'invalid';
  if (b4 === undefined) return 'partial';
  return inRange(b4, 0x30, 0x39) ? 'complete' : 'invalid';
}
