/**
 * Driver for an ESC/POS receipt printer on a serial port. It works the same against the
 * emulated printer behind a mock port and against a real printer.
 *
 * Printing is write-only: ESC/POS gives no acknowledgement per line, so the caller asks
 * `status()` before and after a receipt to learn whether it came out. Status uses the
 * real-time `DLE EOT n` queries, which a printer answers even while offline. Operations run
 * one at a time so that status answers are never confused with each other.
 */
import type { Duplex } from 'node:stream';
import type { Clock } from '../../platform/clock.ts';
import { DeadlineError } from '../../platform/errors.ts';
import { encodeCommand, realtimeStatus } from '../../protocol/escpos/commands.ts';
import { decodePrinterStatus } from '../../protocol/escpos/status.ts';
import type { PrinterStatus } from '../../protocol/escpos/status.ts';
import { buildEscPos } from './build-escpos.ts';
import type { PrintOptions, ReceiptBlock } from './build-escpos.ts';

export { buildEscPos } from './build-escpos.ts';
export { encodeReceiptText } from './receipt-text.ts';
export type { PrintOptions, ReceiptAlignment, ReceiptBarcode, ReceiptBlock, ReceiptImage, ReceiptLine, ReceiptQrCode } from './build-escpos.ts';
export type { PrinterStatus } from '../../protocol/escpos/status.ts';

/** How long the four status answers together may take. */
export const STATUS_TIMEOUT_MS = 1000;

const STATUS_QUERIES = [
  realtimeStatus.printer,
  realtimeStatus.offlineCause,
  realtimeStatus.errorCause,
  realtimeStatus.paperSensor,
] as const;

export class EscPosPrinterDriver {
  private readonly inbox: number[] = [];
  private wake: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onData = (chunk: Buffer): void => {
    this.inbox.push(...chunk);
    this.wake?.();
  };

  constructor(
    private readonly port: Duplex,
    private readonly clock: Clock,
  ) {
    port.on('data', this.onData);
  }

  /** Asks DLE EOT 1, 2, 3 and 4; DeadlineError when the answers are not all in within 1 s. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.queryStatus());
  }

  /** Sends one job; ESC/POS has no acknowledgement, so ask `status()` to learn how it went. */
  print(blocks: readonly ReceiptBlock[], options: PrintOptions = {}): Promise<void> {
    return this.exclusive(() => this.write(buildEscPos(blocks, options)));
  }

  /** Initialises the printer (styles reset, line buffer cleared) and reports its status. */
  selfTest(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      await this.write(encodeCommand('initialise'));
      return this.queryStatus();
    });
  }

  /** Stops listening to the port; the port itself belongs to the caller. Idempotent. */
  dispose(): void {
    this.port.off('data', this.onData);
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queryStatus(): Promise<PrinterStatus> {
    return new Promise<PrinterStatus>((resolve, reject) => {
      let expired = false;
      const timer = this.clock.setTimeout(() => {
        expired = true;
        this.wake?.();
        reject(new DeadlineError('printer status (DLE EOT 1-4)', STATUS_TIMEOUT_MS));
      }, STATUS_TIMEOUT_MS);
      this.askStatus(() => expired).then(
        (status) => {
          this.clock.clearTimeout(timer);
          if (status) resolve(status);
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** The four answers decoded, or undefined when the deadline passed first. */
  private async askStatus(expired: () => boolean): Promise<PrinterStatus | undefined> {
    // Anything already waiting is a late answer to an earlier, abandoned question.
    this.inbox.length = 0;
    const answers: number[] = [];
    for (const kind of STATUS_QUERIES) {
      await this.write(encodeCommand('realtime-status', kind));
      const byte = await this.nextByte(expired);
      if (byte === undefined) return undefined;
      answers.push(byte);
    }
    const [printer, offlineCause, errorCause, paperSensor] = answers as [number, number, number, number];
    return decodePrinterStatus(printer, offlineCause, errorCause, paperSensor);
  }

  /** The next byte from the printer, or undefined once `expired()` turns true. */
  private nextByte(expired: () => boolean): Promise<number | undefined> {
    return new Promise((resolve) => {
      const take = (): void => {
        if (this.inbox.length > 0) {
          this.wake = undefined;
          resolve(this.inbox.shift());
        } else if (expired()) {
          this.wake = undefined;
          resolve(undefined);
        }
      };
      this.wake = take;
      take();
    });
  }

  private write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()));
    });
  }
}
