import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../platform/clock.ts';
import { PowerRail } from './power-rail.ts';

describe('PowerRail', () => {
  it('drops every timer the application set when the power goes, and sets no new ones', () => {
    const clock = new VirtualClock(0);
    const rail = new PowerRail(clock);
    const fired: string[] = [];
    rail.time.setTimeout(() => fired.push('before'), 1000);
    rail.cut();
    rail.time.setTimeout(() => fired.push('after'), 10);
    expect(clock.pendingCount()).toBe(0);
    clock.advanceTo(5000);
    expect(fired).toEqual([]);
  });

  it('never delivers a device answer that arrives after the cut', async () => {
    const rail = new PowerRail(new VirtualClock(0));
    let answer!: (value: string) => void;
    const gated = rail.gate(new Promise<string>((resolve) => (answer = resolve)));
    let delivered = false;
    void gated.then(() => (delivered = true));
    rail.cut();
    answer('late');
    await Promise.resolve();
    await Promise.resolve();
    expect(delivered).toBe(false);
  });

  it('writes nothing to flash, screen or modem once the power is gone', () => {
    const rail = new PowerRail(new VirtualClock(0));
    const flash = new Map<string, string>();
    const shown: unknown[] = [];
    const sent: Uint8Array[] = [];
    const devices = rail.devices({
      display: { show: (s) => void shown.push(s) },
      keypad: { onKey: () => () => undefined },
      modem: {
        link: { up: true, write: (b) => void sent.push(b), onData: () => () => undefined, onStatus: () => () => undefined, close: () => undefined },
        location: () => 'region=310000;cell=A1',
        signal: () => 4,
      },
      flash: { read: (k) => flash.get(k), write: (k, v) => void flash.set(k, v) },
      printer: { status: () => Promise.reject(new Error('x')), print: () => Promise.resolve(), selfTest: () => Promise.reject(new Error('x')) },
      pinpad: {
        selfTest: () => Promise.resolve({ model: 'x' }),
        loadWorkingKeys: () => Promise.resolve(),
        getPin: () => Promise.resolve({ status: 'cancelled' as const }),
        mac: () => Promise.resolve(new Uint8Array(8)),
      },
      reader: { onEvent: () => () => undefined, transmit: () => Promise.resolve(new Uint8Array()), selfTest: () => Promise.resolve({ model: 'x' }) },
    });
    devices.flash.write('a', '1');
    rail.cut();
    devices.flash.write('b', '2');
    devices.display.show({ lines: ['X'], awaiting: 'nothing' });
    devices.modem.link.write(Uint8Array.of(1));
    expect([...flash.keys()]).toEqual(['a']);
    expect(shown).toEqual([]);
    expect(sent).toEqual([]);
    expect(devices.modem.link.up).toBe(false);
  });
});
