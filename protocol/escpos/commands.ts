/**
 * The ESC/POS subset poslab speaks (docs/devices.md), as data. The driver builds its bytes
 * from this table and the emulated printer interprets incoming bytes with it, so both ends
 * agree by construction. A command is a fixed prefix followed by `args` single-byte arguments;
 * no prefix in the table is a prefix of another, which lets a byte-at-a-time parser decide.
 */
import { PoslabError } from '../../platform/errors.ts';

export const LF = 0x0a;
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

export type EscPosCommandName =
  | 'initialise'
  | 'bold'
  | 'character-size'
  | 'align'
  | 'print-and-feed-lines'
  | 'line-feed'
  | 'cut-full'
  | 'cut-partial'
  | 'cut-full-ascii'
  | 'cut-partial-ascii'
  | 'feed-and-cut-full'
  | 'feed-and-cut-partial'
  | 'realtime-status';

export interface EscPosCommand {
  readonly name: EscPosCommandName;
  readonly prefix: readonly number[];
  readonly args: number;
  readonly meaning: string;
}

const V = 0x56;

export const ESCPOS_COMMANDS: readonly EscPosCommand[] = [
  { name: 'initialise', prefix: [ESC, 0x40], args: 0, meaning: 'ESC @: clear the line buffer, reset styles' },
  { name: 'bold', prefix: [ESC, 0x45], args: 1, meaning: 'ESC E n: emphasised on when bit 0 of n is set' },
  { name: 'character-size', prefix: [GS, 0x21], args: 1, meaning: 'GS ! n: high nibble width, low nibble height (0 = x1)' },
  { name: 'align', prefix: [ESC, 0x61], args: 1, meaning: 'ESC a n: 0/48 left, 1/49 centre, 2/50 right' },
  { name: 'print-and-feed-lines', prefix: [ESC, 0x64], args: 1, meaning: 'ESC d n: print the line buffer, feed n lines' },
  { name: 'line-feed', prefix: [LF], args: 0, meaning: 'LF: print the line buffer, feed one line' },
  { name: 'cut-full', prefix: [GS, V, 0], args: 0, meaning: 'GS V 0: full cut' },
  { name: 'cut-partial', prefix: [GS, V, 1], args: 0, meaning: 'GS V 1: partial cut' },
  { name: 'cut-full-ascii', prefix: [GS, V, 48], args: 0, meaning: "GS V '0': full cut" },
  { name: 'cut-partial-ascii', prefix: [GS, V, 49], args: 0, meaning: "GS V '1': partial cut" },
  { name: 'feed-and-cut-full', prefix: [GS, V, 65], args: 1, meaning: 'GS V A n: feed to the cutter plus n dots, full cut' },
  { name: 'feed-and-cut-partial', prefix: [GS, V, 66], args: 1, meaning: 'GS V B n: feed to the cutter plus n dots, partial cut' },
  { name: 'realtime-status', prefix: [DLE, EOT], args: 1, meaning: 'DLE EOT n: answer one status byte at once, even when offline' },
];

const byName = new Map(ESCPOS_COMMANDS.map((command) => [command.name, command]));

export function escposCommand(name: EscPosCommandName): EscPosCommand {
  return byName.get(name)!;
}

/** Raised when a command is built with the wrong number of arguments or a non-byte one. */
export class EscPosArgumentError extends PoslabError {
  constructor(message: string) {
    super('ESCPOS_ARGUMENT', message);
  }
}

/** The bytes of one command from the table. */
export function encodeCommand(name: EscPosCommandName, ...args: number[]): Uint8Array {
  const command = escposCommand(name);
  if (args.length !== command.args) {
    throw new EscPosArgumentError(`${name} takes ${command.args} argument(s), got ${args.length}`);
  }
  for (const arg of args) {
    if (!Number.isInteger(arg) || arg < 0 || arg > 0xff) throw new EscPosArgumentError(`${name}: ${arg} is not a byte`);
  }
  return Uint8Array.from([...command.prefix, ...args]);
}

/** Character size as `GS ! n` wants it; poslab prints at x1 or x2 only. */
export function characterSizeArg(widthScale: 1 | 2, heightScale: 1 | 2): number {
  return ((widthScale - 1) << 4) | (heightScale - 1);
}

/** ESC/POS Font A: the printer's default character cell, in dots. */
export const FONT_A = { widthDots: 12, heightDots: 24 } as const;

/** Columns of Font A at x1 width on a print head this many dots wide: 32 at 384, 48 at 576. */
export function columnsFor(headDots: number, widthScale: 1 | 2 = 1): number {
  return Math.floor(headDots / (FONT_A.widthDots * widthScale));
}

/** The `n` of `DLE EOT n`: which status byte the printer sends back. */
export const realtimeStatus = {
  printer: 1,
  offlineCause: 2,
  errorCause: 3,
  paperSensor: 4,
} as const;

export type RealtimeStatusKind = (typeof realtimeStatus)[keyof typeof realtimeStatus];

/**
 * Epson's status byte layout, the same for every `n`: bit 1 and bit 4 are always set and
 * bits 0 and 7 always clear, so `(byte & STATUS_FIXED_MASK) === STATUS_FIXED_BITS` tells a
 * real status byte from line noise.
 */
export const STATUS_FIXED_BITS = 0x12;
export const STATUS_FIXED_MASK = 0x93;

export const STATUS_BITS = {
  /** n = 1, printer status. */
  printer: {
    drawerPin3High: 0x04,
    offline: 0x08,
    waitingForRecovery: 0x20,
    feedButtonPressed: 0x40,
  },
  /** n = 2, offline cause. */
  offlineCause: {
    coverOpen: 0x04,
    feedButtonFeeding: 0x08,
    stoppedByPaperEnd: 0x20,
    errorOccurred: 0x40,
  },
  /** n = 3, error cause; a paper jam at the cutter reports as an autocutter error. */
  errorCause: {
    autocutterError: 0x08,
    unrecoverableError: 0x20,
    autoRecoverableError: 0x40,
  },
  /** n = 4, roll paper sensors; each condition sets two bits. */
  paperSensor: {
    nearEnd: 0x0c,
    paperEnd: 0x60,
  },
} as const;
