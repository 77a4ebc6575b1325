import { describe, it, expect, beforeEach } from 'vitest';
import { createRequire } from 'node:module';
import type * as BindingMock from '@serialport/binding-mock' with { 'resolution-mode': 'require' };
import type { MockPortBinding } from '@serialport/binding-mock' with { 'resolution-mode': 'require' };
import { SerialPortStream } from '@serialport/stream';
import { VirtualClock } from '../../platform/clock.ts';
import { DeadlineError } from '../../platform/errors.ts';
import { settle } from '../../platform/settle.ts';
import { DLE, EOT } from '../../protocol/escpos/commands.ts';
import type { RealtimeStatusKind } from '../../protocol/escpos/commands.ts';
import { PrinterStatusByteError, encodeStatusByte } from '../../protocol/escpos/status.ts';
import type { PrinterCondition } from '../../protocol/escpos/status.ts';
import { HEALTHY_PRINTER } from '../../protocol/escpos/status.ts';
import { EscPosPrinterDriver, STATUS_TIMEOUT_MS, buildEscPos } from './escpos-printer.ts';

// The binding packages type their CommonJS entry only; see simulator/serial/wire.ts.
const { MockBinding } = createRequire(import.meta.url)('@serialport/binding-mock') as typeof BindingMock;

/**
 * The far end of a mock serial port, standing in for a printer: it records what the driver
 * writes and answers each `DLE EOT n` it sees with `answer(n)` (nothing when that is undefined).
 */
class FakePrinterEnd {
  readonly written: number[] = [];
  condition: PrinterCondition = HEALTHY_PRINTER;
  answer: (kind: RealtimeStatusKind) => number | undefined = (kind) => encodeStatusByte(kind, this.condition);
  moved = 0;

  attach(binding: MockPortBinding): void {
    const write = binding.write.bind(binding);
    binding.write = async (buffer: Buffer) => {
      await write(buffer);
      this.moved++;
      for (const byte of buffer) {
        this.written.push(byte);
        const n = this.written.length;
        if (n >= 3 && this.written[n - 3] === DLE && this.written[n - 2] === EOT) {
          const reply = this.answer(byte as RealtimeStatusKind);
          if (reply !== undefined) binding.emitData(Buffer.of(reply));
        }
      }
    };
  }
}

async function setUp(path: string) {
  MockBinding.createPort(path);
  const port = new SerialPortStream({ binding: MockBinding, path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const printer = new FakePrinterEnd();
  printer.attach(port.port as MockPortBinding);
  const clock = new VirtualClock(Date.UTC(2026, 10, 5));
  const driver = new EscPosPrinterDriver(port, clock);
  const quiet = () => settle(() => printer.moved);
  return { port, printer, clock, driver, quiet };
}

describe('buildEscPos', () => {
  it('builds a styled receipt with style changes only where needed, then feeds and cuts', () => {
    const bytes = buildEscPos([
      { text: 'POSLAB', align: 'center', bold: true, double: true },
      { text: 'Sale', align: 'center' },
      { text: 'Total 9.50' },
    ]);
    expect([...bytes]).toEqual([
      ...[0x1b, 0x40],
      ...[0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
      ...Buffer.from('POSLAB\n'),
      ...[0x1b, 0x45, 0, 0x1d, 0x21, 0x00],
      ...Buffer.from('Sale\n'),
      ...[0x1b, 0x61, 0],
      ...Buffer.from('Total 9.50\n'),
      ...[0x1d, 0x56, 66, 0],
    ]);
  });

  it('switches to Chinese mode for Chinese and to code table 16 for Latin-1, only when needed', () => {
    const bytes = buildEscPos([{ text: 'Total 消费 café' }, { text: '人民币' }], { cut: false });
    expect([...bytes]).toEqual([
      ...[0x1b, 0x40],
      ...Buffer.from('Total '),
      ...[0x1c, 0x26, 0xcf, 0xfb, 0xb7, 0xd1],
      // ASCII prints the same in either mode, so the switch waits for the é.
      ...Buffer.from(' caf'),
      ...[0x1c, 0x2e, 0x1b, 0x74, 16, 0xe9],
      0x0a,
      ...[0x1c, 0x26, 0xc8, 0xcb, 0xc3, 0xf1, 0xb1, 0xd2],
      0x0a,
    ]);
  });

  it('builds bar codes, QR codes and images with the protocol builders, centred by default', () => {
    const bytes = [...buildEscPos([{ barcode: 'CODE128', data: 'REF{1}' }, { qr: 'hi', module: 3, align: 'left' }], { cut: false })];
    expect(bytes.slice(0, 5)).toEqual([0x1b, 0x40, 0x1b, 0x61, 1]);
    expect(bytes.slice(5, 14)).toEqual([0x1d, 0x48, 2, 0x1d, 0x68, 80, 0x1d, 0x77, 2]);
    expect(bytes.slice(14, 27)).toEqual([0x1d, 0x6b, 73, 9, 0x7b, 0x42, ...Buffer.from('REF{{1}')]);
    expect(bytes.slice(27, 30)).toEqual([0x1b, 0x61, 0]);
    expect(Buffer.from(bytes).includes(Buffer.from([0x1d, 0x28, 0x6b, 5, 0, 49, 80, 48, 0x68, 0x69]))).toBe(true);
  });

  it('leaves the cut out on request and never lets text smuggle in commands', () => {
    const bytes = buildEscPos([{ text: 'a\x1b@\t\x85!' }], { cut: false });
    expect([...bytes]).toEqual([0x1b, 0x40, ...Buffer.from('a?@??!\n', 'latin1')]);
  });
});

describe('ESC/POS printer driver', () => {
  beforeEach(() => MockBinding.reset());

  it('reads the four real-time status bytes', async () => {
    const { printer, driver } = await setUp('/dev/test-status');
    expect(await driver.status()).toEqual({ online: true, ...HEALTHY_PRINTER });
    expect(printer.written).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
    printer.condition = { paper: 'out', coverOpen: true, jammed: true, overheated: true };
    expect(await driver.status()).toEqual({ online: false, paper: 'out', coverOpen: true, jammed: true, overheated: true });
    printer.condition = { ...HEALTHY_PRINTER, paper: 'near-end' };
    expect(await driver.status()).toEqual({ online: true, ...HEALTHY_PRINTER, paper: 'near-end' });
    printer.condition = { ...HEALTHY_PRINTER, overheated: true };
    expect(await driver.status()).toEqual({ online: false, ...HEALTHY_PRINTER, overheated: true });
  });

  it('gives up after one second on the clock when the printer is silent, then recovers', async () => {
    const { printer, clock, driver, quiet } = await setUp('/dev/test-silent');
    printer.answer = (kind) => (kind === 3 ? undefined : 0x12);
    const start = clock.now();
    const status = driver.status();
    const settled = status.catch((error: unknown) => error);
    await quiet();
    expect(clock.nextDue()).toBe(start + STATUS_TIMEOUT_MS);
    clock.fireNext();
    expect(await settled).toBeInstanceOf(DeadlineError);
    printer.answer = () => 0x12;
    expect(await driver.status()).toMatchObject({ online: true });
    expect(clock.pendingCount()).toBe(0);
  });

  it('blames the printer for an answer that is not a status byte', async () => {
    const { printer, driver } = await setUp('/dev/test-garbage');
    printer.answer = () => 0xff;
    await expect(driver.status()).rejects.toBeInstanceOf(PrinterStatusByteError);
  });

  it('writes exactly the bytes buildEscPos makes, and runs operations one after another', async () => {
    const { printer, driver } = await setUp('/dev/test-print');
    const lines = [{ text: 'hello', bold: true }, { text: 'world', align: 'right' as const }];
    const [, status] = await Promise.all([driver.print(lines), driver.status()]);
    expect(status.online).toBe(true);
    const job = [...buildEscPos(lines)];
    expect(printer.written.slice(0, job.length)).toEqual(job);
    expect(printer.written.slice(job.length)).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
  });

  it('keeps two status questions asked at once from stealing each other\'s answers', async () => {
    const { printer, driver } = await setUp('/dev/test-overlap');
    printer.condition = { ...HEALTHY_PRINTER, paper: 'near-end' };
    const [a, b] = await Promise.all([driver.status(), driver.status()]);
    expect(a).toEqual(b);
    expect(a.paper).toBe('near-end');
    expect(printer.written.filter((byte, i) => i % 3 === 2)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
  });

  it('self-tests by initialising the printer and reading its status', async () => {
    const { printer, driver } = await setUp('/dev/test-self');
    printer.condition = { ...HEALTHY_PRINTER, coverOpen: true };
    expect(await driver.selfTest()).toEqual({ online: false, ...HEALTHY_PRINTER, coverOpen: true });
    expect(printer.written.slice(0, 3)).toEqual([0x1b, 0x40, 0x10]);
  });

  it('stops listening after dispose', async () => {
    const { port, driver } = await setUp('/dev/test-dispose');
    driver.dispose();
    driver.dispose();
    expect(port.listenerCount('data')).toBe(0);
  });
});
