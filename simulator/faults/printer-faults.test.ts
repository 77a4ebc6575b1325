import { describe, expect, it } from 'vitest';
import { encodeCommand } from '../../protocol/escpos/commands.ts';
import { HEALTHY_PRINTER } from '../../protocol/escpos/status.ts';
import { receiptText } from '../printer/receipt.ts';
import { printerCoverOpen, printerJam, printerOverheat, printerPaperNearEnd, printerPaperOut, printerPowerLoss } from './printer-faults.ts';
import { LinkBench } from './testing/link-bench.ts';

const job = (...lines: string[]): Uint8Array =>
  Uint8Array.from([...encodeCommand('initialise'), ...lines.flatMap((line) => [...Buffer.from(`${line}\n`)]), ...encodeCommand('cut', 66, 0)]);
const status = Uint8Array.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);

function rig() {
  const targets = new LinkBench().targets();
  const answers: number[] = [];
  targets.printer.connect((bytes) => answers.push(...bytes));
  return { targets, printer: targets.printer, answers };
}

describe('printer faults', () => {
  it.each([
    [printerPaperOut, { ...HEALTHY_PRINTER, paper: 'out' }],
    [printerPaperNearEnd, { ...HEALTHY_PRINTER, paper: 'near-end' }],
    [printerJam, { ...HEALTHY_PRINTER, jammed: true }],
    [printerCoverOpen, { ...HEALTHY_PRINTER, coverOpen: true }],
    [printerOverheat, { ...HEALTHY_PRINTER, overheated: true }],
  ] as const)('%s breaks the printer at once and heals it', (unit, broken) => {
    const { targets, printer } = rig();
    const heal = unit.apply(targets, unit.params.parse({}) as never);
    expect(printer.faults()).toEqual(broken);
    heal();
    expect(printer.faults()).toEqual(HEALTHY_PRINTER);
  });

  it('printer.paper_out { after_lines } runs the roll out mid-receipt', () => {
    const { targets, printer } = rig();
    const heal = printerPaperOut.apply(targets, printerPaperOut.params.parse({ after_lines: '2' }));
    printer.receive(job('one', 'two', 'three', 'four'));
    expect(printer.receipts().map((r) => [r.complete, receiptText(r)])).toEqual([[false, 'one\ntwo']]);
    heal();
    printer.receive(job('again'));
    expect(printer.receipts().at(-1)).toMatchObject({ complete: true });
  });

  it('printer.jam { after_lines } jams the cutter mid-receipt', () => {
    const { targets, printer } = rig();
    const heal = printerJam.apply(targets, printerJam.params.parse({ after_lines: '3' }));
    printer.receive(job('one', 'two', 'three', 'four'));
    expect(printer.faults().jammed).toBe(true);
    expect(printer.receipts().map((r) => [r.complete, receiptText(r)])).toEqual([[false, 'one\ntwo\nthree']]);
    heal();
    expect(printer.faults()).toEqual(HEALTHY_PRINTER);
  });

  it('printer.power_loss silences the printer; { after_bytes } strikes mid-job; heal is a cold start', () => {
    const { targets, printer, answers } = rig();
    const heal = printerPowerLoss.apply(targets, printerPowerLoss.params.parse({ after_bytes: '16' }));
    printer.receive(job('paid 128.50', 'thank you'));
    printer.receive(status);
    expect(answers).toEqual([]);
    expect(printer.receipts().map((r) => [r.complete, receiptText(r)])).toEqual([[false, 'paid 128.50']]);
    heal();
    printer.receive(status);
    expect(answers).toEqual([0x12, 0x12, 0x12, 0x12]);
    const now = printerPowerLoss.apply(targets, printerPowerLoss.params.parse({}));
    expect(printer.poweredOn).toBe(false);
    now();
    expect(printer.poweredOn).toBe(true);
  });

  it('refuses parameters it does not know', () => {
    expect(printerPowerLoss.params.safeParse({ after_lines: '1' }).success).toBe(false);
    expect(printerPaperOut.params.safeParse({ after_lines: '0' }).success).toBe(false);
  });
});
