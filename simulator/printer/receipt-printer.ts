/**
 * An emulated thermal receipt printer speaking poslab's ESC/POS subset.
 *
 * Theory of operation: bytes go through the parser; text bytes collect in a line buffer and a
 * line is printed by LF, ESC d, a cut, or when the next character would not fit (the printer
 * wraps, as real ones do). A line takes its style from the moment its first character arrived.
 * Printed lines accumulate on the paper until a cut ends a receipt.
 *
 * Faults: while the paper is out, the cover open or the paper jammed, the printer is offline.
 * It still parses, so that `DLE EOT n` is answered at once, but every other byte is lost.
 * Paper running out or jamming tears the paper: lines already printed become an incomplete
 * receipt. A receipt that lost bytes is cut as incomplete; an `ESC @` on fresh paper (nothing
 * printed since the last cut) starts a clean receipt again, which is how a reprint begins.
 */
import { columnsFor } from '../../protocol/escpos/commands.ts';
import type { EscPosCommandName, RealtimeStatusKind } from '../../protocol/escpos/commands.ts';
import { encodeStatusByte, isOnline } from '../../protocol/escpos/status.ts';
import type { PaperLevel, PrinterCondition } from '../../protocol/escpos/status.ts';
import { ignoreEvents } from '../../platform/events.ts';
import type { EventSink } from '../../platform/events.ts';
import type { SerialDevice } from '../serial/device.ts';
import { latin1CodePage } from './code-page.ts';
import type { CodePage } from './code-page.ts';
import { EscPosParser } from './escpos-parser.ts';
import type { EscPosItem } from './escpos-parser.ts';
import type { Alignment, PrintedLine, PrintedReceipt } from './receipt.ts';

export interface ReceiptPrinterOptions {
  readonly widthDots: 384 | 576;
  readonly events?: EventSink;
  readonly codePage?: CodePage;
}

interface Style {
  readonly bold: boolean;
  readonly widthScale: 1 | 2;
  readonly heightScale: 1 | 2;
  readonly align: Alignment;
}

const DEFAULT_STYLE: Style = { bold: false, widthScale: 1, heightScale: 1, align: 'left' };
const ALIGNMENTS: Readonly<Record<number, Alignment>> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };

function hex(bytes: readonly number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

export class ReceiptPrinter implements SerialDevice {
  readonly widthDots: 384 | 576;
  private readonly events: EventSink;
  private readonly codePage: CodePage;
  private readonly parser = new EscPosParser();
  private send: (bytes: Uint8Array) => void = () => {};
  private condition: PrinterCondition = { paper: 'ok', coverOpen: false, jammed: false };
  private style: Style = DEFAULT_STYLE;
  private line: { bytes: number[]; style: Style } | undefined;
  private paper: PrintedLine[] = [];
  private readonly cut: PrintedReceipt[] = [];
  /** Bytes meant for the receipt now on the paper were lost to a fault. */
  private lostData = false;
  private reportedLoss = false;

  constructor(options: ReceiptPrinterOptions) {
    this.widthDots = options.widthDots;
    this.events = options.events ?? ignoreEvents;
    this.codePage = options.codePage ?? latin1CodePage;
  }

  connect(send: (bytes: Uint8Array) => void): void {
    this.send = send;
  }

  receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      const item = this.parser.push(byte);
      if (item) this.handle(item);
    }
  }

  /** Every receipt cut or torn off so far, oldest first. */
  receipts(): readonly PrintedReceipt[] {
    return [...this.cut];
  }

  /** What is printed on the paper but not yet cut. */
  pending(): PrintedReceipt {
    return { lines: [...this.paper], complete: false };
  }

  /** The fault state the harness has set, as `DLE EOT` reports it. */
  faults(): PrinterCondition {
    return this.condition;
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

  private update(condition: PrinterCondition, tears: boolean): void {
    this.condition = condition;
    if (!isOnline(condition)) {
      // What sat in the line buffer was never printed; the fault loses it.
      if (this.line) this.lostData = true;
      this.line = undefined;
    }
    if (tears && this.paper.length > 0) {
      this.events('printer', 'receipt-torn', { lines: this.paper.length });
      this.cut.push({ lines: this.paper, complete: false });
      this.paper = [];
      this.lostData = true;
    }
    if (isOnline(condition)) this.reportedLoss = false;
  }

  private handle(item: EscPosItem): void {
    if (item.kind === 'command' && item.command.name === 'realtime-status') {
      // Like Epson printers, answer n = 1..4 and ignore any other n.
      const kind = item.args[0]!;
      if (kind >= 1 && kind <= 4) this.send(Uint8Array.of(encodeStatusByte(kind as RealtimeStatusKind, this.condition)));
      return;
    }
    if (!isOnline(this.condition)) {
      this.lostData = true;
      if (!this.reportedLoss) this.events('printer', 'data-lost');
      this.reportedLoss = true;
      return;
    }
    switch (item.kind) {
      case 'text':
        return this.text(item.byte);
      case 'command':
        return this.command(item.command.name, item.args);
      case 'tolerated':
        return;
      case 'unknown':
        this.events('printer', 'unknown-command', { bytes: hex(item.bytes) });
        return;
    }
  }

  private text(byte: number): void {
    if (this.line && this.line.bytes.length >= columnsFor(this.widthDots, this.line.style.widthScale)) this.printLine();
    this.line ??= { bytes: [], style: this.style };
    this.line.bytes.push(byte);
  }

  private command(name: EscPosCommandName, args: readonly number[]): void {
    const n = args[0] ?? 0;
    switch (name) {
      case 'initialise':
        this.line = undefined;
        this.style = DEFAULT_STYLE;
        if (this.paper.length === 0) this.lostData = false;
        return;
      case 'bold':
        this.style = { ...this.style, bold: (n & 1) === 1 };
        return;
      case 'character-size':
        this.style = { ...this.style, widthScale: n >> 4 === 0 ? 1 : 2, heightScale: (n & 0x0f) === 0 ? 1 : 2 };
        return;
      case 'align': {
        const align = ALIGNMENTS[n];
        if (align) this.style = { ...this.style, align };
        return;
      }
      case 'line-feed':
        return this.printLine();
      case 'print-and-feed-lines':
        if (n === 0) {
          if (this.line) this.printLine();
          return;
        }
        for (let i = 0; i < n; i++) this.printLine();
        return;
      case 'cut-full':
      case 'cut-full-ascii':
      case 'feed-and-cut-full':
        return this.cutPaper(false);
      case 'cut-partial':
      case 'cut-partial-ascii':
      case 'feed-and-cut-partial':
        return this.cutPaper(true);
      case 'realtime-status':
        return;
    }
  }

  private printLine(): void {
    const { bytes, style } = this.line ?? { bytes: [], style: this.style };
    this.line = undefined;
    this.paper.push({ text: this.codePage.decode(Uint8Array.from(bytes)), ...style });
  }

  private cutPaper(partial: boolean): void {
    if (this.line) this.printLine();
    const receipt: PrintedReceipt = { lines: this.paper, complete: !this.lostData };
    this.cut.push(receipt);
    this.paper = [];
    this.lostData = false;
    this.events('printer', 'receipt-cut', { lines: receipt.lines.length, complete: receipt.complete, partial });
  }
}
