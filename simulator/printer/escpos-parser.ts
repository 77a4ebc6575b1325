/**
 * Splits the printer's input into text bytes and commands, one byte at a time, so a command
 * cut in two by the serial stream is simply finished by the next chunk. It does nothing with
 * what it finds: the printer decides what a command means and whether it is obeyed.
 *
 * Theory of operation: outside a command every byte is text, except the first byte of a
 * command prefix (which opens one) and other C0 controls (NUL, BEL... which a receipt printer
 * ignores). Inside a command the parser keeps the prefix bytes so far and narrows the table's
 * candidates; once one prefix is complete it collects argument bytes until the command's
 * layout says they are all in (protocol/escpos/command-layout.ts). When no candidate is left
 * the bytes are an unknown command; like a printer, the parser drops them and carries on, so
 * the arguments of an unknown command print as text.
 */
import { argumentsComplete } from '../../protocol/escpos/command-layout.ts';
import { ESCPOS_COMMANDS } from '../../protocol/escpos/commands.ts';
import type { EscPosCommand } from '../../protocol/escpos/commands.ts';

export type EscPosItem =
  | { readonly kind: 'text'; readonly byte: number }
  | { readonly kind: 'command'; readonly command: EscPosCommand; readonly args: readonly number[] }
  | { readonly kind: 'unknown'; readonly bytes: readonly number[] };

const BY_FIRST_BYTE = new Map<number, EscPosCommand[]>();
for (const command of ESCPOS_COMMANDS) {
  const first = command.prefix[0]!;
  BY_FIRST_BYTE.set(first, [...(BY_FIRST_BYTE.get(first) ?? []), command]);
}

function agrees(command: EscPosCommand, prefix: readonly number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (command.prefix[i] !== prefix[i]) return false;
  return true;
}

export class EscPosParser {
  private prefix: number[] = [];
  private command: EscPosCommand | undefined;
  private args: number[] = [];

  /** Feeds one byte; returns what it completed, or undefined (a command still open, or an ignored control). */
  push(byte: number): EscPosItem | undefined {
    if (this.command) {
      this.args.push(byte);
      return this.finishIfComplete();
    }
    if (this.prefix.length === 0 && !BY_FIRST_BYTE.has(byte)) {
      return byte < 0x20 ? undefined : { kind: 'text', byte };
    }
    this.prefix.push(byte);
    const left = BY_FIRST_BYTE.get(this.prefix[0]!)!.filter((command) => agrees(command, this.prefix));
    if (left.length === 0) {
      const bytes = this.prefix;
      this.prefix = [];
      return { kind: 'unknown', bytes };
    }
    const matched = left.find((command) => command.prefix.length === this.prefix.length);
    if (!matched) return undefined;
    this.command = matched;
    return this.finishIfComplete();
  }

  /** True while a command has started but is not complete. */
  get busy(): boolean {
    return this.prefix.length > 0;
  }

  /** Forgets a half-received command, as a printer does when it loses power. */
  reset(): void {
    this.prefix = [];
    this.command = undefined;
    this.args = [];
  }

  private finishIfComplete(): EscPosItem | undefined {
    const command = this.command!;
    if (!argumentsComplete(command.args, this.args)) return undefined;
    const args = this.args;
    this.reset();
    return { kind: 'command', command, args };
  }
}
