/**
 * The printer's condition as the four `DLE EOT n` answers carry it. The emulated printer
 * encodes its condition with `encodeStatusByte`; the driver decodes the four answers with
 * `decodePrinterStatus`. Both read the bit layout from STATUS_BITS in commands.ts.
 */
import { PoslabError } from '../../platform/errors.ts';
import { STATUS_BITS, STATUS_FIXED_BITS, STATUS_FIXED_MASK, TRANSMIT_PAPER_STATUS_BITS, realtimeStatus } from './commands.ts';
import type { RealtimeStatusKind } from './commands.ts';

export type PaperLevel = 'ok' | 'near-end' | 'out';

/** What is physically wrong (or not) with the printer, as far as its status bytes can tell. */
export interface PrinterCondition {
  readonly paper: PaperLevel;
  readonly coverOpen: boolean;
  readonly jammed: boolean;
  /** The head is too hot to print; it stops until it has cooled, then carries on by itself. */
  readonly overheated: boolean;
}

export interface PrinterStatus extends PrinterCondition {
  /** Online means it will print what it is sent: paper present, cover shut, no error. */
  readonly online: boolean;
}

export const HEALTHY_PRINTER: PrinterCondition = { paper: 'ok', coverOpen: false, jammed: false, overheated: false };

export function isOnline(condition: PrinterCondition): boolean {
  return condition.paper !== 'out' && !condition.coverOpen && !condition.jammed && !condition.overheated;
}

/** The byte a printer in `condition` answers to `DLE EOT n`. */
export function encodeStatusByte(kind: RealtimeStatusKind, condition: PrinterCondition): number {
  let byte = STATUS_FIXED_BITS;
  switch (kind) {
    case realtimeStatus.printer:
      if (!isOnline(condition)) byte |= STATUS_BITS.printer.offline;
      if (condition.jammed) byte |= STATUS_BITS.printer.waitingForRecovery;
      break;
    case realtimeStatus.offlineCause:
      if (condition.coverOpen) byte |= STATUS_BITS.offlineCause.coverOpen;
      if (condition.paper === 'out') byte |= STATUS_BITS.offlineCause.stoppedByPaperEnd;
      if (condition.jammed || condition.overheated) byte |= STATUS_BITS.offlineCause.errorOccurred;
      break;
    case realtimeStatus.errorCause:
      if (condition.jammed) byte |= STATUS_BITS.errorCause.autocutterError;
      if (condition.overheated) byte |= STATUS_BITS.errorCause.autoRecoverableError;
      break;
    case realtimeStatus.paperSensor:
      // An empty roll also reads empty at the near-end sensor, further up the paper path.
      if (condition.paper !== 'ok') byte |= STATUS_BITS.paperSensor.nearEnd;
      if (condition.paper === 'out') byte |= STATUS_BITS.paperSensor.paperEnd;
      break;
  }
  return byte;
}

/** The byte `GS r 1` answers: the paper sensors only, processed in turn with printing. */
export function encodeTransmitPaperStatus(paper: PaperLevel): number {
  if (paper === 'out') return TRANSMIT_PAPER_STATUS_BITS.nearEnd | TRANSMIT_PAPER_STATUS_BITS.paperEnd;
  return paper === 'near-end' ? TRANSMIT_PAPER_STATUS_BITS.nearEnd : 0;
}

/** A status answer whose fixed bits are wrong: the peer is not speaking ESC/POS status. */
export class PrinterStatusByteError extends PoslabError {
  readonly byte: number;

  constructor(kind: RealtimeStatusKind, byte: number) {
    super('ESCPOS_BAD_STATUS', `DLE EOT ${kind} answered 0x${byte.toString(16).padStart(2, '0')}, not a status byte`, {
      side: 'peer',
    });
    this.byte = byte;
  }
}

export function checkStatusByte(kind: RealtimeStatusKind, byte: number): number {
  if ((byte & STATUS_FIXED_MASK) !== STATUS_FIXED_BITS) throw new PrinterStatusByteError(kind, byte);
  return byte;
}

/** The answers to DLE EOT 1, 2, 3 and 4, in that order. */
export function decodePrinterStatus(printer: number, offlineCause: number, errorCause: number, paperSensor: number): PrinterStatus {
  checkStatusByte(realtimeStatus.printer, printer);
  checkStatusByte(realtimeStatus.offlineCause, offlineCause);
  checkStatusByte(realtimeStatus.errorCause, errorCause);
  checkStatusByte(realtimeStatus.paperSensor, paperSensor);
  const paperEnd = (paperSensor & STATUS_BITS.paperSensor.paperEnd) !== 0;
  const nearEnd = (paperSensor & STATUS_BITS.paperSensor.nearEnd) !== 0;
  return {
    online: (printer & STATUS_BITS.printer.offline) === 0,
    paper: paperEnd ? 'out' : nearEnd ? 'near-end' : 'ok',
    coverOpen: (offlineCause & STATUS_BITS.offlineCause.coverOpen) !== 0,
    jammed:
      (errorCause & (STATUS_BITS.errorCause.autocutterError | STATUS_BITS.errorCause.unrecoverableError)) !== 0,
    overheated: (errorCause & STATUS_BITS.errorCause.autoRecoverableError) !== 0,
  };
}
