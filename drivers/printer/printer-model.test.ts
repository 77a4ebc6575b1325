/**
 * Model-based test of the printer driver against the emulated printer on a serial wire:
 * random sequences of print jobs, status queries, faults (paper out or near its end, jam,
 * cover open, overheating, power loss, also striking in the middle of a job) and heals,
 * checked against a model. Properties: the complete receipts are exactly the jobs printed
 * while the printer was healthy; status always says what the model says (and times out, on
 * the virtual clock, while there is no power); nothing hangs.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '../../platform/clock.ts';
import { DeadlineError } from '../../platform/errors.ts';
import { settle } from '../../platform/settle.ts';
import type { PrinterStatus } from '../../protocol/escpos/status.ts';
import {
  printerCoverOpen,
  printerJam,
  printerOverheat,
  printerPaperNearEnd,
  printerPaperOut,
  printerPowerLoss,
} from '../../simulator/faults/printer-faults.ts';
import type { FaultTargets } from '../../simulator/faults/fault.ts';
import { ReceiptPrinter } from '../../simulator/printer/receipt-printer.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import { attachDevice, openDevicePort, resetWire, wireActivity } from '../../simulator/serial/wire.ts';
import { EscPosPrinterDriver, buildEscPos } from './escpos-printer.ts';
import type { ReceiptLine } from './escpos-printer.ts';

type Fault = 'paper-out' | 'near-end' | 'jam' | 'cover' | 'heat' | 'power';

const UNITS = {
  'paper-out': printerPaperOut,
  'near-end': printerPaperNearEnd,
  jam: printerJam,
  cover: printerCoverOpen,
  heat: printerOverheat,
  power: printerPowerLoss,
} as const;

interface Model {
  readonly faults: Set<Fault>;
  /** The text of every receipt that must have come out complete, in order. */
  readonly printed: string[];
}

interface Real {
  readonly printer: ReceiptPrinter;
  readonly driver: EscPosPrinterDriver;
  readonly clock: VirtualClock;
  readonly heals: Map<Fault, () => void>;
}

/** The printer prints while nothing stops it; a nearly empty roll does not. */
const healthy = (model: Model): boolean => [...model.faults].every((fault) => fault === 'near-end');

function expectedStatus(model: Model): PrinterStatus {
  const paper = model.faults.has('paper-out') ? 'out' : model.faults.has('near-end') ? 'near-end' : 'ok';
  return { online: healthy(model), paper, coverOpen: model.faults.has('cover'), jammed: model.faults.has('jam'), overheated: model.faults.has('heat') };
}

function targets(printer: ReceiptPrinter): FaultTargets {
  return { printer } as unknown as FaultTargets;
}

/** After every command: complete receipts are the model's, and the printer is in the model's state. */
function agree(model: Model, real: Real): void {
  const complete = real.printer.receipts().filter((receipt) => receipt.complete).map(receiptText);
  expect(complete).toEqual(model.printed);
  expect(real.printer.poweredOn).toBe(!model.faults.has('power'));
  const { online: _online, ...condition } = expectedStatus(model);
  expect(real.printer.faults()).toEqual(condition);
}

const quiet = (): Promise<void> => settle(wireActivity);

class PrintJob implements fc.AsyncCommand<Model, Real> {
  constructor(readonly lines: readonly ReceiptLine[]) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    await real.driver.print(this.lines);
    await quiet();
    if (healthy(model)) model.printed.push(this.lines.map((line) => line.text).join('\n'));
    agree(model, real);
  }
  toString = (): string => `print(${JSON.stringify(this.lines.map((line) => line.text))})`;
}

/** A job during which `fault` strikes after a share of its bytes have reached the printer. */
class InterruptedJob implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly lines: readonly ReceiptLine[],
    readonly fault: Fault,
    readonly share: number,
  ) {}
  check = (model: Readonly<Model>): boolean => healthy(model) && !model.faults.has(this.fault) && !(this.fault === 'paper-out' && model.faults.has('near-end'));
  async run(model: Model, real: Real): Promise<void> {
    const length = buildEscPos(this.lines).length;
    const after = Math.max(1, Math.min(length - 1, Math.floor(length * this.share)));
    const disarm = real.printer.when('bytes', after, () => real.heals.set(this.fault, UNITS[this.fault].apply(targets(real.printer), {} as never)));
    await real.driver.print(this.lines);
    await quiet();
    disarm();
    model.faults.add(this.fault);
    // A nearly empty roll does not stop the job; every other fault leaves it incomplete.
    if (this.fault === 'near-end') model.printed.push(this.lines.map((line) => line.text).join('\n'));
    agree(model, real);
  }
  toString = (): string => `print(${JSON.stringify(this.lines.map((line) => line.text))}) + ${this.fault} at ${this.share.toFixed(2)}`;
}

class Status implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const answer = real.driver.status().then(
      (status) => status,
      (error: unknown) => error,
    );
    await quiet();
    if (model.faults.has('power')) {
      expect(real.clock.fireNext()).toBe(true);
      expect(await answer).toBeInstanceOf(DeadlineError);
    } else {
      expect(await answer).toEqual(expectedStatus(model));
    }
    expect(real.clock.pendingCount()).toBe(0);
  }
  toString = (): string => 'status';
}

class Break implements fc.AsyncCommand<Model, Real> {
  constructor(readonly fault: Fault) {}
  check = (model: Readonly<Model>): boolean =>
    !model.faults.has(this.fault) && !(this.fault === 'paper-out' && model.faults.has('near-end')) && !(this.fault === 'near-end' && model.faults.has('paper-out'));
  async run(model: Model, real: Real): Promise<void> {
    real.heals.set(this.fault, UNITS[this.fault].apply(targets(real.printer), {} as never));
    model.faults.add(this.fault);
    agree(model, real);
  }
  toString = (): string => `break ${this.fault}`;
}

class Heal implements fc.AsyncCommand<Model, Real> {
  constructor(readonly fault: Fault) {}
  check = (model: Readonly<Model>): boolean => model.faults.has(this.fault);
  async run(model: Model, real: Real): Promise<void> {
    real.heals.get(this.fault)!();
    real.heals.delete(this.fault);
    model.faults.delete(this.fault);
    agree(model, real);
  }
  toString = (): string => `heal ${this.fault}`;
}

const FAULTS: readonly Fault[] = ['paper-out', 'near-end', 'jam', 'cover', 'heat', 'power'];
// At most 8 characters a line, so even double-width Chinese fits 384 dots without wrapping.
const unit = fc.oneof(fc.constantFrom(...'ABC xyz 0123456789.:-'), fc.constantFrom(...'消费金额人民币签购单'), fc.constantFrom('é', '£'));
const line = fc.record({ text: fc.array(unit, { maxLength: 8 }).map((units) => units.join('')), bold: fc.boolean(), double: fc.boolean() });
const lines = fc.array(line, { minLength: 1, maxLength: 4 });

const commands = fc.commands(
  [
    lines.map((l) => new PrintJob(l)),
    fc.tuple(lines, fc.constantFrom(...FAULTS), fc.double({ min: 0, max: 1, noNaN: true })).map(([l, fault, share]) => new InterruptedJob(l, fault, share)),
    fc.constant(new Status()),
    fc.constantFrom(...FAULTS).map((fault) => new Break(fault)),
    fc.constantFrom(...FAULTS).map((fault) => new Heal(fault)),
  ],
  { maxCommands: 30, size: 'max' },
);

describe('printer driver and emulated printer, model-based', () => {
  it('prints exactly the jobs sent while healthy and always reports the model status', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(commands, fc.integer({ min: 1, max: 64 }), async (cmds, chunk) => {
        resetWire();
        const path = `/dev/model-printer-${run++}`;
        const printer = new ReceiptPrinter({ widthDots: 384 });
        attachDevice(path, printer, { maxReadSize: chunk });
        const port = await openDevicePort(path);
        const clock = new VirtualClock(Date.UTC(2026, 10, 5));
        const real: Real = { printer, driver: new EscPosPrinterDriver(port, clock), clock, heals: new Map() };
        try {
          await fc.asyncModelRun(() => ({ model: { faults: new Set<Fault>(), printed: [] }, real }), cmds);
        } finally {
          real.driver.dispose();
          await new Promise<void>((resolve) => port.close(() => resolve()));
        }
      }),
      { seed: 4_2026_11, numRuns: 100 },
    );
  }, 60_000);
});
