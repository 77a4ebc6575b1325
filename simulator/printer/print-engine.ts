/**
 * The printer's ESC/POS interpreter, without faults or a serial port: parsed items in, dots
 * and text on paper out. The emulated printer (receipt-printer.ts) feeds it whatever gets
 * through its faults; `poslab print-render` feeds it a whole file.
 *
 * Theory of operation: text bytes become characters (text-decoder.ts) that collect in the
 * line buffer in the current style; a line is printed as one band by LF, ESC d, ESC J, a cut,
 * or when the next character would not fit. A line advances the paper by the line spacing,
 * or by its own height when that is taller. Images, bar codes and QR codes first print any
 * pending line, then print as a band of their own, aligned like text.
 */
import { readLength } from '../../protocol/escpos/command-layout.ts';
import type { EventDetail } from '../../platform/events.ts';
import { Bitmap } from './bitmap.ts';
import { decodeBarcode, drawBars } from './barcodes.ts';
import type { EscPosItem } from './escpos-parser.ts';
import { cjkFont, fontA, fontB } from './font/fonts.ts';
import { columnImage, graphicsCommand, rasterImage } from './images.ts';
import type { ScaledImage } from './images.ts';
import { LineBuffer } from './line-buffer.ts';
import { Paper } from './paper.ts';
import type { PaperPiece } from './paper.ts';
import { applyModeCommand, applyQrSetting, powerOnMode } from './print-mode.ts';
import type { PrintMode } from './print-mode.ts';
import { drawQrCode } from './qr-code.ts';
import type { PrintedLine } from './receipt.ts';
import { TextDecoder } from './text-decoder.ts';

export interface EngineListener {
  cut(piece: PaperPiece, partial: boolean): void;
  /** `GS r n`: the host asked for a status byte in turn with printing. */
  transmitStatus(n: number): void;
  note(kind: string, detail?: EventDetail): void;
  /** A line or band went onto the paper. */
  printed(): void;
}

const PARTIAL_CUTS = new Set([1, 49, 66, 98, 104]);
const FEEDING_CUTS = new Set([65, 66, 97, 98, 103, 104]);

function hex(bytes: readonly number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

export class PrintEngine {
  readonly paper: Paper;
  private mode: PrintMode;
  private readonly line = new LineBuffer();
  private readonly decoder = new TextDecoder();
  private qrData: readonly number[] = [];
  private graphics: ScaledImage | undefined;

  constructor(
    readonly widthDots: number,
    private readonly listener: EngineListener,
    private readonly chineseAtPowerOn = false,
  ) {
    this.paper = new Paper(widthDots);
    this.mode = powerOnMode(widthDots, chineseAtPowerOn);
  }

  /** ESC @, and what a printer does when it powers on: buffer cleared, every mode reset. */
  initialise(): void {
    this.line.clear();
    this.decoder.reset();
    this.mode = powerOnMode(this.widthDots, this.chineseAtPowerOn);
    this.qrData = [];
    this.graphics = undefined;
  }

  /** Whether anything waits in the line buffer (lost if the printer stops now). */
  get lineBuffered(): boolean {
    return !this.line.empty;
  }

  /** Drops the line buffer unprinted: a fault stopped the printer. */
  discardLine(): void {
    this.line.clear();
    this.decoder.reset();
  }

  handle(item: EscPosItem): void {
    if (item.kind === 'text') {
      const decoded = this.decoder.push(item.byte, this.mode.codeTable, this.mode.chinese);
      if (decoded) this.character(decoded.char, decoded.wide);
      return;
    }
    if (item.kind === 'unknown') {
      this.listener.note('unknown-command', { bytes: hex(item.bytes) });
      return;
    }
    const { name } = item.command;
    const changed = applyModeCommand(this.mode, name, item.args, this.widthDots);
    if (changed) {
      if (changed.chinese !== this.mode.chinese) this.decoder.reset();
      this.mode = changed;
      return;
    }
    this.command(name, item.args);
  }

  private command(name: string, args: readonly number[]): void {
    const n = args[0] ?? 0;
    switch (name) {
      case 'initialise':
        return this.initialise();
      case 'line-feed':
        return this.printLine(this.mode.lineSpacing);
      case 'print-and-feed-lines':
        if (n === 0) return this.flush();
        for (let i = 0; i < n; i++) this.printLine(this.mode.lineSpacing);
        return;
      case 'print-and-feed-dots':
        if (this.line.empty) return this.paper.feed(n);
        return this.printLine(n);
      case 'horizontal-tab': {
        const stop = this.mode.tabs.map((column) => column * fontA.width).find((x) => x > this.line.position);
        if (stop !== undefined && stop < this.areaWidth()) this.line.moveTo(stop);
        return;
      }
      case 'absolute-position': {
        const x = readLength(args, { at: 0, size: 2 });
        if (x < this.areaWidth()) this.line.moveTo(x);
        return;
      }
      case 'relative-position': {
        const raw = readLength(args, { at: 0, size: 2 });
        const x = this.line.position + (raw >= 0x8000 ? raw - 0x10000 : raw);
        if (x >= 0 && x < this.areaWidth()) this.line.moveTo(x);
        return;
      }
      case 'bit-image':
        return this.columnImage(args);
      case 'raster-image': {
        const { image, scaleX, scaleY } = rasterImage(args);
        return this.printImage(image, scaleX, scaleY);
      }
      case 'graphics':
      case 'graphics-large':
        return this.graphicsCommand(args, name === 'graphics' ? 2 : 4);
      case 'barcode':
        return this.barcode(args);
      case 'symbol':
        return this.symbol(args);
      case 'cut':
        this.flush();
        if (FEEDING_CUTS.has(n)) this.paper.feed(args[1] ?? 0);
        return this.listener.cut(this.paper.take(), PARTIAL_CUTS.has(n));
      case 'cut-full-legacy':
      case 'cut-partial-legacy':
        this.flush();
        return this.listener.cut(this.paper.take(), name === 'cut-partial-legacy');
      case 'transmit-status':
        return this.listener.transmitStatus(n);
      default:
        return;
    }
  }

  private areaWidth(): number {
    return Math.max(1, Math.min(this.mode.areaWidth, this.widthDots - this.mode.leftMargin));
  }

  private lineStyle(): Omit<PrintedLine, 'text'> {
    const { bold, widthScale, heightScale, align } = this.mode;
    return { bold, widthScale, heightScale, align };
  }

  private character(char: string, wide: boolean): void {
    const mode = this.mode;
    const codePoint = char.codePointAt(0)!;
    const font = wide ? cjkFont : mode.font === 'B' ? fontB : fontA;
    const scaleX = wide && mode.kanjiDoubleWidth ? Math.max(2, mode.widthScale) : mode.widthScale;
    const scaleY = wide && mode.kanjiDoubleHeight ? Math.max(2, mode.heightScale) : mode.heightScale;
    const glyph = font.glyph(codePoint);
    const spacing = wide ? 0 : mode.rightSpacing * scaleX;
    if (!this.line.fits(glyph.width * scaleX + spacing, this.areaWidth())) this.printLine(mode.lineSpacing);
    this.line.addCharacter(
      {
        char,
        glyph,
        style: { scaleX, scaleY, bold: mode.bold, reverse: mode.reverse },
        underline: wide ? mode.kanjiUnderline : mode.underline,
        spacing,
      },
      this.lineStyle(),
    );
  }

  /** Prints the line buffer (an empty one is a blank line) and feeds `feed` dots from its top. */
  private printLine(feed: number): void {
    const { band, line } = this.line.take(this.widthDots, this.mode.leftMargin, this.areaWidth(), this.lineStyle());
    this.paper.print(band);
    this.paper.feed(Math.max(feed, band.height) - band.height);
    this.paper.addLine(line);
    this.listener.printed();
  }

  /** Prints what is in the line buffer, if anything: images and cuts start on a fresh line. */
  private flush(): void {
    if (!this.line.empty) this.printLine(this.mode.lineSpacing);
  }

  private columnImage(args: readonly number[]): void {
    const decoded = columnImage(args);
    if (!decoded) return this.listener.note('unsupported-bit-image', { mode: args[0]! });
    const { image, scaleX, scaleY } = decoded;
    if (!this.line.fits(image.width * scaleX, this.areaWidth())) this.printLine(this.mode.lineSpacing);
    this.line.addImage(image, scaleX, scaleY, this.lineStyle());
  }

  /** A band holding `image`, aligned in the printing area; what does not fit is cut off. */
  private printImage(image: Bitmap, scaleX: number, scaleY: number, mark = true): void {
    this.flush();
    const width = image.width * scaleX;
    const room = Math.max(0, this.areaWidth() - width);
    const x = this.mode.leftMargin + (this.mode.align === 'left' ? 0 : this.mode.align === 'center' ? Math.floor(room / 2) : room);
    const band = new Bitmap(this.widthDots, image.height * scaleY);
    band.blit(image, x, 0, scaleX, scaleY);
    this.paper.print(band);
    if (mark) this.paper.addMark({ kind: 'image', width, height: band.height });
    this.listener.printed();
  }

  private graphicsCommand(args: readonly number[], lengthBytes: 2 | 4): void {
    const action = graphicsCommand(args, lengthBytes);
    if (action.kind === 'store') this.graphics = action.graphics;
    if (action.kind === 'print' && this.graphics) {
      const { image, scaleX, scaleY } = this.graphics;
      this.graphics = undefined;
      this.printImage(image, scaleX, scaleY);
    }
  }

  private barcode(args: readonly number[]): void {
    const barcode = decodeBarcode(args);
    if ('invalid' in barcode) return this.listener.note('barcode-not-printed', { reason: barcode.invalid });
    const bars = drawBars(barcode, this.mode.barcodeModule, this.mode.barcodeHeight);
    if (bars.width > this.areaWidth()) {
      return this.listener.note('barcode-not-printed', { reason: `${bars.width} dots wide, the printing area is ${this.areaWidth()}` });
    }
    const { hriPosition } = this.mode;
    if (hriPosition & 1) this.printHri(barcode.text, bars.width);
    this.printImage(bars, 1, 1, false);
    if (hriPosition & 2) this.printHri(barcode.text, bars.width);
    this.paper.addMark({ kind: 'barcode', symbology: barcode.symbology, data: barcode.text });
  }

  /** Human-readable text centred over a bar code `barsWidth` dots wide. */
  private printHri(text: string, barsWidth: number): void {
    const font = this.mode.hriFont === 'B' ? fontB : fontA;
    const chars = [...text];
    const row = new Bitmap(Math.max(barsWidth, chars.length * font.width), font.height);
    const left = Math.floor((row.width - chars.length * font.width) / 2);
    chars.forEach((char, i) => {
      row.drawGlyph(font.glyph(char.codePointAt(0)!), left + i * font.width, 0, font.width, { scaleX: 1, scaleY: 1, bold: false, reverse: false });
    });
    this.printImage(row, 1, 1, false);
    this.paper.addLine({ text, bold: false, widthScale: 1, heightScale: 1, align: this.mode.align });
  }

  /** GS ( k pL pH cn fn ...: QR codes (cn 49); other symbologies are reported and skipped. */
  private symbol(args: readonly number[]): void {
    const [cn, fn] = [args[2], args[3]!];
    if (cn !== 49) return this.listener.note('unsupported-symbol', { cn: cn ?? -1, fn });
    if (fn === 80) {
      this.qrData = args.slice(5);
      return;
    }
    if (fn !== 81) {
      this.mode = applyQrSetting(this.mode, fn, args.slice(4));
      return;
    }
    if (this.mode.qrModel !== 2) this.listener.note('qr-model-2-printed', { asked: this.mode.qrModel });
    const drawn = drawQrCode(this.qrData, this.mode.qrLevel, this.mode.qrModule);
    if ('invalid' in drawn) return this.listener.note('qr-not-printed', { reason: drawn.invalid });
    this.printImage(drawn, 1, 1, false);
    this.paper.addMark({ kind: 'qr', data: Buffer.from(this.qrData).toString('utf8') });
  }
}
