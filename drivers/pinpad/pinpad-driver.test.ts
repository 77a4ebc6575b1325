import { describe, it, expect, beforeEach } from 'vitest';
import { VirtualClock } from '../../platform/clock.ts';
import { DeadlineError } from '../../platform/errors.ts';
import type { TimelineEvent } from '../../platform/events.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { decryptPinFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesEncryptEcb } from '../../protocol/crypto/tdes.ts';
import type { SerialDevice } from '../../simulator/serial/device.ts';
import { PinPadDevice } from '../../simulator/pinpad/pinpad-device.ts';
import { runUntilSettled } from '../../simulator/serial/run-until.ts';
import { attachDevice, openDevicePort, resetWire, setLineDead } from '../../simulator/serial/wire.ts';
import { PinPadDriver, PinPadError } from './pinpad-driver.ts';
import type { WorkingKeys } from './pinpad-driver.ts';

// Test fixtures: the emulated pad on the far end of the wire plays the hardware.
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const TMK = hex('0123456789ABCDEFFEDCBA9876543210');
const PIN_KEY = hex('1111111111111111222222222222222A');
const MAC_KEY = hex('3333333333333333444444444444444C');
const PAN = '6222021234567890123';

function keysFromHost(tmk = TMK): WorkingKeys {
  return {
    pinKey: tdesEncryptEcb(tmk, PIN_KEY),
    pinKcv: keyCheckValue(PIN_KEY),
    macKey: tdesEncryptEcb(tmk, MAC_KEY),
    macKcv: keyCheckValue(MAC_KEY),
  };
}

let line = 0;

async function setUp(options: { wrap?: (pad: PinPadDevice) => SerialDevice; masterKey?: boolean } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 4, 13, 9, 30));
  const events: TimelineEvent[] = [];
  const pad = new PinPadDevice({ clock, events: (source, kind, detail) => events.push({ at: clock.now(), source, kind, ...(detail ? { detail } : {}) }) });
  if (options.masterKey !== false) pad.injectMasterKey(TMK);
  const path = `/dev/pinpad-test-${++line}`;
  attachDevice(path, options.wrap ? options.wrap(pad) : pad);
  const driver = new PinPadDriver(await openDevicePort(path), clock);
  const run = <T>(promise: Promise<T>, onIdle?: () => boolean) => runUntilSettled(clock, promise, onIdle ? { onIdle } : {});
  return { clock, pad, driver, events, path, run };
}

async function failure(promise: Promise<unknown>): Promise<PinPadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PinPadError);
    return error as PinPadError;
  }
  throw new Error('expected the call to fail');
}

describe('PIN pad driver against the emulated pad', () => {
  beforeEach(() => resetWire());

  it('runs the self-test', async () => {
    const { driver, run } = await setUp();
    expect(await run(driver.selfTest())).toEqual({ model: 'POSLAB-PP100' });
  });

  it('loads working keys, and rejects a wrong check value or a pad with no master key', async () => {
    const { driver, run, events } = await setUp();
    await run(driver.loadWorkingKeys(keysFromHost()));
    const wrongKcv = { ...keysFromHost(), macKcv: hex('00000000') };
    expect((await failure(run(driver.loadWorkingKeys(wrongKcv)))).code).toBe('KCV_MISMATCH');
    expect((await failure(run(driver.loadWorkingKeys(keysFromHost(hex('00'.repeat(16))))))).code).toBe('KCV_MISMATCH');
    expect(events.map((event) => event.kind)).toEqual(['keys-loaded', 'keys-refused', 'keys-refused']);

    const bare = await setUp({ masterKey: false });
    expect((await failure(bare.run(bare.driver.loadWorkingKeys(keysFromHost())))).code).toBe('NO_MASTER_KEY');
  });

  it('returns a PIN block that deciphers to the entered PIN, and never shows the digits', async () => {
    const { driver, pad, run, events } = await setUp();
    await run(driver.loadWorkingKeys(keysFromHost()));
    const screens: string[] = [];
    const result = await run(driver.getPin({ pan: PAN, amountMinor: 12850, timeoutSeconds: 60 }), () => {
      if (!pad.prompting) return false;
      screens.push(pad.screen());
      pad.pressDigits('999');
      pad.pressClear();
      pad.pressDigits('123456');
      screens.push(pad.screen());
      pad.pressEnter();
      return true;
    });
    expect(result.status).toBe('entered');
    if (result.status !== 'entered') return;
    expect(decryptPinFormat0(result.pinBlock, PAN, PIN_KEY)).toBe('123456');
    expect(screens).toEqual(['AMOUNT 128.50 / PIN: ', 'AMOUNT 128.50 / PIN: ******']);
    expect(pad.prompting).toBe(false);
    expect(events.filter((event) => event.source === 'pinpad').map((event) => [event.kind, event.detail])).toEqual([
      ['keys-loaded', undefined],
      ['pin-prompt', { amountMinor: 12850 }],
      ['pin-entered', { digits: 6 }],
    ]);
  });

  it('reports cancel, bypass and timeout; the timeout is measured on the clock', async () => {
    const { driver, pad, run, clock } = await setUp();
    await run(driver.loadWorkingKeys(keysFromHost()));
    const request = { pan: PAN, amountMinor: 100, timeoutSeconds: 30 };
    const act = (action: () => void) => () => (pad.prompting ? (action(), true) : false);
    expect(await run(driver.getPin(request), act(() => pad.pressCancel()))).toEqual({ status: 'cancelled' });
    expect(await run(driver.getPin(request), act(() => pad.pressEnter()))).toEqual({ status: 'bypassed' });
    const started = clock.now();
    expect(await run(driver.getPin(request))).toEqual({ status: 'timeout' });
    expect(clock.now() - started).toBe(30_000);
  });

  it('ignores ENTER with fewer than four digits', async () => {
    const { driver, pad, run } = await setUp();
    await run(driver.loadWorkingKeys(keysFromHost()));
    let step = 0;
    const result = await run(driver.getPin({ pan: PAN, amountMinor: 100, timeoutSeconds: 30 }), () => {
      if (!pad.prompting || step > 1) return false;
      if (step++ === 0) {
        pad.pressDigits('12');
        pad.pressEnter();
      } else {
        expect(pad.screen()).toMatch(/PIN: \*\*$/);
        pad.pressDigits('34');
        pad.pressEnter();
      }
      return true;
    });
    expect(result.status === 'entered' && decryptPinFormat0(result.pinBlock, PAN, PIN_KEY)).toBe('1234');
  });

  it('computes the MAC under the MAC working key, and refuses PIN and MAC before keys are loaded', async () => {
    const { driver, run } = await setUp();
    expect((await failure(run(driver.mac(hex('0200'))))).code).toBe('NO_WORKING_KEY');
    expect((await failure(run(driver.getPin({ pan: PAN, amountMinor: 1, timeoutSeconds: 5 })))).code).toBe('NO_WORKING_KEY');
    await run(driver.loadWorkingKeys(keysFromHost()));
    const data = hex('02007024048000C08000166222021234567890123000000000000012850');
    expect(await run(driver.mac(data))).toEqual(retailMac(MAC_KEY, data));
  });

  it('gives up on a silent pad after the ACK deadline and three retries', async () => {
    const { driver, pad, run, clock } = await setUp();
    pad.setSilent(true);
    const started = clock.now();
    const error = await failure(run(driver.selfTest()));
    expect(error.code).toBe('NO_ANSWER');
    expect(error.cause).toBeInstanceOf(DeadlineError);
    expect(clock.now() - started).toBe(4 * 500);
  });

  it('gives up on a pad whose every frame is garbled', async () => {
    const { driver, pad, run } = await setUp();
    pad.setGarbling(true);
    expect((await failure(run(driver.selfTest()))).code).toBe('NO_ANSWER');
    pad.setGarbling(false);
    expect(await run(driver.selfTest())).toEqual({ model: 'POSLAB-PP100' });
  });

  it('recovers from one corrupted answer: the driver NAKs and the pad resends', async () => {
    let framesSent = 0;
    const { driver, run } = await setUp({
      wrap: (pad) => ({
        connect: (send) =>
          pad.connect((bytes) => {
            if (bytes.length > 1 && framesSent++ === 0) bytes = bytes.map((byte, i) => (i === 3 ? byte ^ 0x01 : byte));
            send(bytes);
          }),
        receive: (bytes) => pad.receive(bytes),
      }),
    });
    expect(await run(driver.selfTest())).toEqual({ model: 'POSLAB-PP100' });
    expect(framesSent).toBe(2);
  });

  it('resends a request lost on a dead line once the line heals', async () => {
    const { driver, run, path, clock } = await setUp();
    setLineDead(path, true);
    let healed = false;
    const result = run(driver.selfTest(), () => {
      if (healed || clock.now() < Date.UTC(2026, 4, 13, 9, 30) + 1000) return false;
      setLineDead(path, false);
      healed = true;
      return true;
    });
    expect(await result).toEqual({ model: 'POSLAB-PP100' });
    expect(healed).toBe(true);
  });
});
