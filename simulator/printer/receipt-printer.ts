/**
 * An emulated thermal receipt printer on a serial line, speaking ESC/POS.
 *
 * Theory of operation: bytes go through the parser; `DLE EOT n` is answered at once, whatever
 * the printer's state, and everything else goes to the print engine (print-engine.ts) while
 * the printer is online. A cut hands the paper over as a receipt.
 *
 * Faults: while the paper is out, the cover open, the paper jammed or the head overheated,
 * the printer is offline: it still parses, so that `DLE EOT n` is answered, but every other
 * byte is lost, and so is a line waiting in its buffer. Paper running out or jamming tears
 * the paper: what was printed becomes an incomplete receipt. Without power nothing is
 * answered and every byte is lost; what was printed is torn off, and power coming back
 * resets the printer as `ESC @` does. A receipt that lost bytes is cut as incomplete; an
 * `ESC @` on fresh paper (nothing printed since the last cut) starts a clean receipt again,
 * which is how a reprint begins.
 */
import { realtimeStatus } from '../../protocol/escpos/commands.ts';
import type { RealtimeStatusKind } from '../../protocol/escpos/commands.ts';
import { HEALTHY_PRINTER, encodeStatusByte, encodeTransmitPaperStatus, isOnline } from '../../protocol/escpos/status.ts';
import type { PaperLevel, PrinterCondition } from '../../protocol/escpos/status.ts';
import { ignoreEvents } from '../../platform/events.ts';
import type { EventSink } from '../../platform/events.ts';
import type { SerialDevice } from '../serial/device.ts';
import { EscPosParser } from './escpos-parser.ts';
import type { EscPosItem } from './escpos-parser.ts';
import { PrintEngine } from './print-engine.ts';
import type { PaperPiece } from './paper.ts';
import type { PrintedReceipt } from './receipt.ts';

export interface ReceiptPrinterOptions {
  readonly widthDots: 384 | 576;
  readonly events?: EventSink;
  /** Memory switch of Chinese-market printers: two-byte mode on at power on and after ESC @. */
  readonly chineseAtPowerOn?: boolean;
}

export class ReceiptPrinter implements SerialDevice {
  readonly widthDots: 384 | 576;
  private readonly events: EventSink;
  private readonly parser = new EscPosParser();
  private readonly engine: PrintEngine;
  private send: (bytes: Uint8Array) => void = () => {};
  private condition: PrinterCondition = HEALTHY_PRINTER;
  private powered = true;
  private readonly cut: PrintedReceipt[] = [];
  /** Bytes meant for the receipt now on the paper were lost to a fault. */
  private lostData = false;
  private reportedLoss = false;
  private readonly triggers: Record<'bytes' | 'lines', { left: number; action: () => void } | undefined> = { bytes: undefined, lines: undefined };
  /** A trigger that fired while the engine was busy with an item; run once it is done. */
  private fired: (() => void) | undefined;

  constructor(options: ReceiptPrinterOptions) {
    this.widthDots = options.widthDots;
    this.events = options.events ?? ignoreEvents;
    this.engine = new PrintEngine(
      options.widthDots,
      {
        cut: (piece, partial) => this.receiptCut(piece, partial),
        transmitStatus: (n) => this.transmitStatus(n),
        note: (kind, detail) => this.events('printer', kind, detail),
        printed: () => this.countDown('lines'),
      },
      options.chineseAtPowerOn ?? false,
    );
  }

  connect(send: (bytes: Uint8Array) => void): void {
    this.send = send;
  }

  receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (!this.powered) {
        this.lose(true);
        continue;
      }
      const item = this.parser.push(byte);
      if (item) this.handle(item);
      this.countDown('bytes');
      this.runFired();
    }
  }

  /**
   * Arms a fault to strike mid-job: `action` runs once `count` more bytes have reached the
   * printer (`bytes`) or `count` more lines or images have been printed (`lines`). Returns
   * the disarm.
   */
  when(what: 'bytes' | 'lines', count: number, action: () => void): () => void {
    const trigger = { left: count, action };
    this.triggers[what] = trigger;
    return () => {
      if (this.triggers[what] === trigger) this.triggers[what] = undefined;
    };
  }

  /** Every receipt cut or torn off so far, oldest first. */
  receipts(): readonly PrintedReceipt[] {
    return [...this.cut];
  }

  /** What is printed on the paper but not yet cut. */
  pending(): PrintedReceipt {
    return { ...this.engine.paper.peek(), complete: false };
  }

  /** The fault state the harness has set, as `DLE EOT` reports it. */
  faults(): PrinterCondition {
    return this.condition;
  }

  get poweredOn(): boolean {
    return this.powered;
  }

  setPaper(paper: PaperLevel): void {
    if (paper === this.condition.paper) return;
    this.events('printer', `paper-${paper}`);
    this.update({ ...this.condition, paper }, paper === 'out');
  }

  setCoverOpen(open: boolean): void {
    if (open === this.condition.coverOpen) return;
    this.events('printer', open ? 'cover-open' : 'cover-closed');
    this.update({ ...this.condition, coverOpen: open }, false);
  }

  setJammed(jammed: boolean): void {
    if (jammed === this.condition.jammed) return;
    this.events('printer', jammed ? 'jammed' : 'jam-cleared');
    this.update({ ...this.condition, jammed }, jammed);
  }

  setOverheated(overheated: boolean): void {
    if (overheated === this.condition.overheated) return;
    this.events('printer', overheated ? 'head-overheated' : 'head-cooled');
    this.update({ ...this.condition, overheated }, false);
  }

  /** Power cut (false) or back (true). Coming back is a cold start: every mode reset. */
  setPowered(powered: boolean): void {
    if (powered === this.powered) return;
    this.events('printer', powered ? 'power-on' : 'power-lost');
    if (!powered) {
      this.stopPrinting(true);
      this.parser.reset();
    } else {
      this.engine.initialise();
      this.reportedLoss = false;
    }
    this.powered = powered;
  }

  private countDown(what: 'bytes' | 'lines'): void {
    const trigger = this.triggers[what];
    if (!trigger) return;
    trigger.left--;
    if (trigger.left > 0) return;
    this.triggers[what] = undefined;
    this.fired = trigger.action;
  }

  private runFired(): void {
    const action = this.fired;
    this.fired = undefined;
    action?.();
  }

  private update(condition: PrinterCondition, tears: boolean): void {
    this.condition = condition;
    if (!isOnline(condition)) this.stopPrinting(tears);
    else this.reportedLoss = false;
  }

  /** The printer stops: the line buffer is lost, and the paper torn off if `tears`. */
  private stopPrinting(tears: boolean): void {
    if (this.engine.lineBuffered) this.lostData = true;
    this.engine.discardLine();
    if (tears && !this.engine.paper.blank) {
      const piece = this.engine.paper.take();
      this.events('printer', 'receipt-torn', { lines: piece.lines.length });
      this.cut.push({ ...piece, complete: false });
      this.lostData = true;
    }
  }

  private handle(item: EscPosItem): void {
    if (item.kind === 'command' && item.command.name === 'realtime-status') {
      // Like Epson printers, answer n = 1..4 and ignore any other n.
      const kind = item.args[0]!;
      if (kind >= realtimeStatus.printer && kind <= realtimeStatus.paperSensor) {
        this.send(Uint8Array.of(encodeStatusByte(kind as RealtimeStatusKind, this.condition)));
      }
      return;
    }
    if (!isOnline(this.condition)) return this.lose(true);
    if (item.kind === 'command' && item.command.name === 'initialise' && this.engine.paper.blank) this.lostData = false;
    this.engine.handle(item);
  }

  private lose(anything: boolean): void {
    if (!anything) return;
    this.lostData = true;
    if (!this.reportedLoss) this.events('printer', 'data-lost');
    this.reportedLoss = true;
  }

  private transmitStatus(n: number): void {
    if (n === 1 || n === 49) this.send(Uint8Array.of(encodeTransmitPaperStatus(this.condition.paper)));
    else if (n === 2 || n === 50) this.send(Uint8Array.of(0x00));
  }

  private receiptCut(piece: PaperPiece, partial: boolean): void {
    const receipt: PrintedReceipt = { ...piece, complete: !this.lostData };
    this.cut.push(receipt);
    this.lostData = false;
    this.events('printer', 'receipt-cut', { lines: receipt.lines.length, complete: receipt.complete, partial });
  }
}
