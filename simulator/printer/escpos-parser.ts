/**
 * Splits the printer's input into text bytes and commands, one byte at a time, so a command
 * cut in two by the serial stream is simply finished by the next chunk. It does nothing with
 * what it finds: the printer decides what a command means and whether it is obeyed.
 *
 * Theory of operation: outside a command every byte is text, except the first byte of a
 * command prefix (which opens one) and other C0 controls (CR, HT... which a receipt printer
 * in standard mode ignores). Inside a command the parser keeps the bytes so far and narrows
 * the candidates whose prefix agrees with them; when one candidate has its prefix and all its
 * arguments the command is complete, and when none is left the bytes are an unknown command.
 */
import { ESCPOS_COMMANDS, ESC, GS } from '../../protocol/escpos/commands.ts';
import type { EscPosCommand } from '../../protocol/escpos/commands.ts';

const FS = 0x1c;

/**
 * Commands outside poslab's subset that printers commonly receive. They are recognised only so
 * that their argument bytes are skipped instead of being printed as text.
 */
const TOLERATED: readonly { readonly prefix: readonly number[]; readonly args: number }[] = [
  { prefix: [ESC, 0x21], args: 1 }, // ESC ! n  print mode
  { prefix: [ESC, 0x2d], args: 1 }, // ESC - n  underline
  { prefix: [ESC, 0x32], args: 0 }, // ESC 2    default line spacing
  { prefix: [ESC, 0x33], args: 1 }, // ESC 3 n  line spacing
  { prefix: [ESC, 0x47], args: 1 }, // ESC G n  double strike
  { prefix: [ESC, 0x4a], args: 1 }, // ESC J n  feed n dots
  { prefix: [ESC, 0x4d], args: 1 }, // ESC M n  font
  { prefix: [ESC, 0x52], args: 1 }, // ESC R n  international character set
  { prefix: [ESC, 0x74], args: 1 }, // ESC t n  code table
  { prefix: [GS, 0x42], args: 1 }, // GS B n   reverse
  { prefix: [FS, 0x26], args: 0 }, // FS &     Kanji/Chinese mode on
  { prefix: [FS, 0x2e], args: 0 }, // FS .     Kanji/Chinese mode off
];

export type EscPosItem =
  | { readonly kind: 'text'; readonly byte: number }
  | { readonly kind: 'command'; readonly command: EscPosCommand; readonly args: readonly number[] }
  | { readonly kind: 'tolerated'; readonly bytes: readonly number[] }
  | { readonly kind: 'unknown'; readonly bytes: readonly number[] };

interface Candidate {
  readonly prefix: readonly number[];
  readonly args: number;
  readonly command?: EscPosCommand;
}

const CANDIDATES: readonly Candidate[] = [
  ...ESCPOS_COMMANDS.map((command) => ({ prefix: command.prefix, args: command.args, command })),
  ...TOLERATED,
];

const OPENERS = new Set([...CANDIDATES.map((c) => c.prefix[0]!), ESC, GS, FS]);

function agrees(candidate: Candidate, bytes: readonly number[]): boolean {
  const n = Math.min(candidate.prefix.length, bytes.length);
  for (let i = 0; i < n; i++) if (candidate.prefix[i] !== bytes[i]) return false;
  return true;
}

export class EscPosParser {
  private readonly bytes: number[] = [];

  /** Feeds one byte; returns what it completed, or undefined while a command is still open. */
  push(byte: number): EscPosItem | undefined {
    if (this.bytes.length === 0) {
      if (!OPENERS.has(byte)) return byte < 0x20 || byte === 0x7f ? undefined : { kind: 'text', byte };
    }
    this.bytes.push(byte);
    const left = CANDIDATES.filter((candidate) => agrees(candidate, this.bytes));
    if (left.length === 0) return { kind: 'unknown', bytes: this.take() };
    const done = left.find((c) => this.bytes.length === c.prefix.length + c.args);
    if (!done) return undefined;
    const bytes = this.take();
    if (!done.command) return { kind: 'tolerated', bytes };
    return { kind: 'command', command: done.command, args: bytes.slice(done.prefix.length) };
  }

  private take(): number[] {
    return this.bytes.splice(0, this.bytes.length);
  }
}
