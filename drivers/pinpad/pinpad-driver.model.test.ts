import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '../../platform/clock.ts';
import type { TimelineEvent } from '../../platform/events.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { clearPinBlockFormat0, decryptPinFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesEncryptEcb } from '../../protocol/crypto/tdes.ts';
import { PinPadDevice } from '../../simulator/pinpad/pinpad-device.ts';
import { runUntilSettled } from '../../simulator/serial/run-until.ts';
import { attachDevice, openDevicePort, resetWire, setLineDead } from '../../simulator/serial/wire.ts';
import { PinPadDriver, PinPadError } from './pinpad-driver.ts';

/**
 * Model-based test of the PIN pad driver against the emulated pad over the real serial
 * stream: random commands, random cardholder behaviour and random faults. Every call must end
 * within its deadline on the virtual clock, agree with the model, and never leak a PIN.
 */
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const TMK = hex('0123456789ABCDEFFEDCBA9876543210');
const PIN_KEY = hex('1111111111111111222222222222222A');
const MAC_KEY = hex('3333333333333333444444444444444C');
const PAN = '6222021234567890123';
const ACK_PHASE_MS = 4 * 500;
const ANSWER_MS = 3_000;

type Fault = 'none' | 'silent' | 'garbling' | 'dead';

interface Model {
  keysLoaded: boolean;
  fault: Fault;
}

interface Real {
  readonly clock: VirtualClock;
  readonly pad: PinPadDevice;
  readonly driver: PinPadDriver;
  readonly path: string;
  readonly events: TimelineEvent[];
  readonly wire: number[];
  readonly pins: string[];
}

/** Whether the pad sees and acts on commands; under garbling it does, only its answers are lost. */
const padActs = (model: Model): boolean => model.fault === 'none' || model.fault === 'garbling';

async function outcome<T>(real: Real, call: Promise<T>, deadlineMs: number, onIdle?: () => boolean): Promise<T | string> {
  const started = real.clock.now();
  let result: T | string;
  try {
    result = await runUntilSettled(real.clock, call, onIdle ? { onIdle } : {});
  } catch (error) {
    if (!(error instanceof PinPadError)) throw error;
    result = error.code;
  }
  expect(real.clock.now() - started).toBeLessThanOrEqual(deadlineMs);
  return result;
}

class SelfTest implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const result = await outcome(real, real.driver.selfTest(), ACK_PHASE_MS + ANSWER_MS);
    expect(result).toEqual(model.fault === 'none' ? { model: 'POSLAB-PP100' } : 'NO_ANSWER');
  }
  toString = () => 'selfTest';
}

class LoadKeys implements fc.AsyncCommand<Model, Real> {
  constructor(readonly good: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const keys = {
      pinKey: tdesEncryptEcb(TMK, PIN_KEY),
      pinKcv: this.good ? keyCheckValue(PIN_KEY) : hex('DEADBEEF'),
      macKey: tdesEncryptEcb(TMK, MAC_KEY),
      macKcv: keyCheckValue(MAC_KEY),
    };
    const result = await outcome(real, real.driver.loadWorkingKeys(keys), ACK_PHASE_MS + ANSWER_MS);
    if (model.fault === 'none') expect(result).toBe(this.good ? undefined : 'KCV_MISMATCH');
    else expect(result).toBe('NO_ANSWER');
    if (padActs(model) && this.good) model.keysLoaded = true;
  }
  toString = () => `loadWorkingKeys(${this.good ? 'good' : 'bad'} KCV)`;
}

type Cardholder = 'enter' | 'clear-then-enter' | 'cancel' | 'bypass' | 'walk-away';

class GetPin implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly cardholder: Cardholder,
    readonly pin: string,
    readonly timeoutSeconds: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.pins.push(this.pin);
    let acted = false;
    const onIdle = (): boolean => {
      if (!real.pad.prompting || acted) return false;
      acted = true;
      expect(real.pad.screen()).toBe('AMOUNT 1.00 / PIN: ');
      const typePin = (): void => {
        real.pad.pressDigits(this.pin);
        expect(real.pad.screen()).toBe(`AMOUNT 1.00 / PIN: ${'*'.repeat(this.pin.length)}`);
        real.pad.pressEnter();
      };
      switch (this.cardholder) {
        case 'clear-then-enter':
          real.pad.pressDigits('98765');
          real.pad.pressClear();
          typePin();
          break;
        case 'enter':
          typePin();
          break;
        case 'cancel':
          real.pad.pressCancel();
          break;
        case 'bypass':
          real.pad.pressEnter();
          break;
        case 'walk-away':
          return false;
      }
      return true;
    };
    const call = real.driver.getPin({ pan: PAN, amountMinor: 100, timeoutSeconds: this.timeoutSeconds });
    const result = await outcome(real, call, ACK_PHASE_MS + this.timeoutSeconds * 1000 + ANSWER_MS, onIdle);
    expect(real.pad.prompting).toBe(false);
    if (model.fault !== 'none') return expect(result).toBe('NO_ANSWER');
    if (!model.keysLoaded) return expect(result).toBe('NO_WORKING_KEY');
    const expected = { enter: 'entered', 'clear-then-enter': 'entered', cancel: 'cancelled', bypass: 'bypassed', 'walk-away': 'timeout' }[this.cardholder];
    expect(typeof result === 'object' && result.status).toBe(expected);
    if (typeof result === 'object' && result.status === 'entered') {
      expect(decryptPinFormat0(result.pinBlock, PAN, PIN_KEY)).toBe(this.pin);
      pinsEntered++;
    }
  }
  toString = () => `getPin(${this.cardholder}, ${this.timeoutSeconds}s)`;
}

class Mac implements fc.AsyncCommand<Model, Real> {
  constructor(readonly data: Uint8Array) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const result = await outcome(real, real.driver.mac(this.data), ACK_PHASE_MS + ANSWER_MS);
    if (model.fault !== 'none') expect(result).toBe('NO_ANSWER');
    else expect(result).toEqual(model.keysLoaded ? retailMac(MAC_KEY, this.data) : 'NO_WORKING_KEY');
  }
  toString = () => `mac(${this.data.length} bytes)`;
}

class SetFault implements fc.AsyncCommand<Model, Real> {
  constructor(readonly fault: Fault) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.pad.setSilent(this.fault === 'silent');
    real.pad.setGarbling(this.fault === 'garbling');
    setLineDead(real.path, this.fault === 'dead');
    model.fault = this.fault;
  }
  toString = () => `fault(${this.fault})`;
}

const commands = [
  fc.constant(new SelfTest()),
  fc.constantFrom(true, true, true, false).map((good) => new LoadKeys(good)),
  fc
    .tuple(
      fc.constantFrom<Cardholder>('enter', 'clear-then-enter', 'cancel', 'bypass', 'walk-away'),
      fc.stringMatching(/^\d{4,12}$/),
      fc.integer({ min: 1, max: 120 }),
    )
    .map(([cardholder, pin, timeout]) => new GetPin(cardholder, pin, timeout)),
  fc.uint8Array({ maxLength: 64 }).map((data) => new Mac(data)),
  fc.constantFrom<Fault>('none', 'none', 'none', 'none', 'silent', 'garbling', 'dead').map((fault) => new SetFault(fault)),
];

let line = 0;
let pinsEntered = 0;

describe('PIN pad driver and pad, model-based', () => {
  beforeEach(() => resetWire());

  it('never hangs past a deadline, agrees with the model and never leaks a PIN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25, size: 'medium' }), async (cmds) => {
        const clock = new VirtualClock(Date.UTC(2026, 4, 13));
        const events: TimelineEvent[] = [];
        const pad = new PinPadDevice({ clock, events: (source, kind, detail) => events.push({ at: clock.now(), source, kind, ...(detail ? { detail } : {}) }) });
        pad.injectMasterKey(TMK);
        const wire: number[] = [];
        const path = `/dev/pinpad-model-${++line}`;
        attachDevice(path, {
          connect: (send) => pad.connect((bytes) => (wire.push(...bytes), send(bytes))),
          receive: (bytes) => (wire.push(...bytes), pad.receive(bytes)),
        });
        const driver = new PinPadDriver(await openDevicePort(path), clock);
        const real: Real = { clock, pad, driver, path, events, wire, pins: [] };
        await fc.asyncModelRun(() => ({ model: { keysLoaded: false, fault: 'none' as Fault }, real }), cmds);

        const told = JSON.stringify(events.map(({ source, kind, detail }) => ({ source, kind, detail })));
        const seen = Buffer.from(wire).toString('hex');
        for (const pin of real.pins) {
          expect(told).not.toContain(pin);
          expect(seen).not.toContain(Buffer.from(clearPinBlockFormat0(pin, PAN)).toString('hex'));
        }
        driver.dispose();
      }),
      { seed: 4242, numRuns: 60 },
    );
    // Guards the generators: a model run that never gets as far as a PIN proves little.
    expect(pinsEntered).toBeGreaterThan(10);
  });
});
