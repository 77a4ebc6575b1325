import { describe, it, expect, beforeEach } from 'vitest';
import { VirtualClock } from '../../platform/clock.ts';
import { DeadlineError } from '../../platform/errors.ts';
import { settle } from '../../platform/settle.ts';
import { EscPosPrinterDriver } from '../../drivers/printer/escpos-printer.ts';
import type { ReceiptLine } from '../../drivers/printer/escpos-printer.ts';
import { ReceiptPrinter } from '../../simulator/printer/receipt-printer.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import { attachDevice, openDevicePort, resetWire, setLineDead, wireActivity } from '../../simulator/serial/wire.ts';

const lines: ReceiptLine[] = [
  { text: 'POSLAB CAFE', align: 'center', bold: true, double: true },
  { text: 'Shanghai Branch 001', align: 'center' },
  { text: '' },
  { text: 'MERCHANT: 898310048160001' },
  { text: 'CARD: 622202******0123 (C)' },
  { text: 'SALE' },
  { text: 'AMOUNT:          RMB 128.50', bold: true },
  { text: 'Ref 000123  Auth 654321', align: 'right' },
  { text: 'caf\u00e9 \u00a3 \u4e2d' },
  { text: '-- THANK YOU --', align: 'center' },
];

async function rig(path: string, maxReadSize?: number) {
  const printer = new ReceiptPrinter({ widthDots: 384 });
  attachDevice(path, printer, maxReadSize === undefined ? {} : { maxReadSize });
  const port = await openDevicePort(path);
  const clock = new VirtualClock(Date.UTC(2026, 10, 5));
  return { printer, clock, driver: new EscPosPrinterDriver(port, clock) };
}

describe('ESC/POS driver against the emulated printer', () => {
  beforeEach(() => resetWire());

  it('prints a receipt the printer reads back line for line', async () => {
    const { printer, driver } = await rig('/dev/e2e-print', 1);
    expect(await driver.selfTest()).toEqual({ online: true, paper: 'ok', coverOpen: false, jammed: false, overheated: false });
    await driver.print(lines);
    await settle(wireActivity);
    const [receipt] = printer.receipts();
    expect(receipt?.complete).toBe(true);
    expect(receiptText(receipt!)).toBe(lines.map((l) => l.text).join('\n'));
    expect(receipt!.lines[0]).toEqual({ text: 'POSLAB CAFE', bold: true, widthScale: 2, heightScale: 2, align: 'center' });
    expect(receipt!.lines[7]).toMatchObject({ align: 'right', bold: false });
  });

  it('sees faults in status, and a receipt sent while the paper is out never comes out', async () => {
    const { printer, driver } = await rig('/dev/e2e-faults');
    printer.setPaper('out');
    expect(await driver.status()).toEqual({ online: false, paper: 'out', coverOpen: false, jammed: false, overheated: false });
    await driver.print(lines);
    await settle(wireActivity);
    expect(printer.receipts()).toEqual([]);
    printer.setPaper('near-end');
    printer.setJammed(true);
    expect(await driver.status()).toEqual({ online: false, paper: 'near-end', coverOpen: false, jammed: true, overheated: false });
    printer.setJammed(false);
    await driver.print(lines);
    await settle(wireActivity);
    expect(printer.receipts()).toHaveLength(1);
    expect(printer.receipts()[0]!.complete).toBe(true);
  });

  it('times out on the virtual clock when the cable is cut', async () => {
    const { clock, driver } = await rig('/dev/e2e-dead');
    setLineDead('/dev/e2e-dead', true);
    const outcome = driver.status().catch((error: unknown) => error);
    await settle(wireActivity);
    clock.fireNext();
    expect(await outcome).toBeInstanceOf(DeadlineError);
  });
});
