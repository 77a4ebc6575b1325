import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '../../platform/clock.ts';
import type { TimelineEvent } from '../../platform/events.ts';
import { CardReaderDevice } from '../../simulator/card-reader/card-reader-device.ts';
import type { CardImage } from '../../simulator/card-reader/card-image.ts';
import { track2Of, track3Of } from '../../simulator/card-reader/card-image.ts';
import { runUntilSettled } from '../../simulator/serial/run-until.ts';
import { settle } from '../../platform/settle.ts';
import { attachDevice, openDevicePort, resetWire, setLineDead, wireActivity } from '../../simulator/serial/wire.ts';
import { CardReaderDriver, CardReaderError } from './card-reader-driver.ts';
import type { CardEvent } from './card-reader-driver.ts';

// Test fixtures: the emulated reader on the far end of the wire plays the hardware.
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));
const ICC_KEY = hex('00112233445566778899AABBCCDDEEFF');
const chipCard: CardImage = {
  id: 'chip',
  pan: '6222021234567890123',
  expiry: '3012',
  serviceCode: '201',
  chip: { aid: 'A000000333010101', panSequence: '01', iccKey: ICC_KEY },
  contactless: true,
};
const stripeCard: CardImage = { id: 'stripe', pan: '6228480012345678', expiry: '2811', serviceCode: '101' };
const ATR = hex('3B650000504F534C42');

let line = 0;

async function setUp(options: { maxReadSize?: number; readerClock?: boolean } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 4, 13));
  const timeline: TimelineEvent[] = [];
  const reader = new CardReaderDevice({
    events: (source, kind, detail) => timeline.push({ at: clock.now(), source, kind, ...(detail ? { detail } : {}) }),
    ...(options.readerClock === false ? {} : { clock }),
  });
  const path = `/dev/reader-test-${++line}`;
  attachDevice(path, reader, options.maxReadSize === undefined ? {} : { maxReadSize: options.maxReadSize });
  const driver = new CardReaderDriver(await openDevicePort(path), clock);
  const seen: CardEvent[] = [];
  driver.onEvent((event) => seen.push(event));
  return { clock, reader, driver, seen, timeline, path };
}

describe('card reader driver against the emulated reader', () => {
  beforeEach(() => resetWire());

  it('runs the self-test', async () => {
    const { driver, clock } = await setUp();
    expect(await runUntilSettled(clock, driver.selfTest())).toEqual({ model: 'POSLAB-CR200' });
  });

  it('reports swipes, inserts, taps and removals in order, even one byte at a time', async () => {
    const { reader, seen, timeline } = await setUp({ maxReadSize: 1 });
    reader.swipe(stripeCard);
    reader.swipe(stripeCard, { bad: true });
    reader.insert(chipCard);
    reader.remove();
    reader.insert(chipCard, { chipDead: true });
    reader.remove();
    reader.tap(stripeCard);
    reader.tap(chipCard);
    reader.remove();
    await settle(wireActivity);
    expect(seen).toEqual([
      { kind: 'swipe', track2: track2Of(stripeCard), track3: track3Of(stripeCard) },
      { kind: 'bad-swipe' },
      { kind: 'chip-inserted', atr: ATR },
      { kind: 'removed' },
      { kind: 'chip-failed' },
      { kind: 'removed' },
      { kind: 'tap' },
      { kind: 'removed' },
    ]);
    expect(JSON.stringify(timeline)).not.toContain(stripeCard.pan);
    expect(JSON.stringify(timeline)).not.toContain(chipCard.pan);
    expect(timeline[0]).toMatchObject({ kind: 'swipe', detail: { pan: '622848******5678' } });
  });

  it('relays APDUs to the inserted card and reports NO_CARD once it is pulled', async () => {
    const { reader, driver, clock } = await setUp();
    const select = hex('00A4040008A00000033301010100');
    await expect(runUntilSettled(clock, driver.transmit(select))).rejects.toMatchObject({ code: 'NO_CARD' });
    reader.insert(chipCard);
    expect(reader.cardPresent).toBe(true);
    const response = await runUntilSettled(clock, driver.transmit(select));
    expect(Buffer.from(response.subarray(-2)).toString('hex')).toBe('9000');
    reader.remove();
    const error = await runUntilSettled(clock, driver.transmit(select)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CardReaderError);
    expect(error).toMatchObject({ code: 'NO_CARD' });
  });

  it('refuses a second card while one is in the slot', async () => {
    const { reader } = await setUp();
    reader.insert(chipCard);
    expect(() => reader.insert(stripeCard)).toThrow(/already/);
    expect(() => reader.tap(chipCard)).toThrow(/already/);
  });

  it('retries an event lost on a dead line and delivers it, still in order, once the line heals', async () => {
    const { reader, seen, clock, path } = await setUp();
    setLineDead(path, true);
    reader.insert(chipCard);
    reader.remove();
    await settle(wireActivity);
    clock.fireNext();
    await settle(wireActivity);
    expect(seen).toEqual([]);
    setLineDead(path, false);
    clock.fireNext();
    await settle(wireActivity);
    expect(seen.map((event) => event.kind)).toEqual(['chip-inserted', 'removed']);
  });

  it('gives up on an event after three retries and carries on with the next', async () => {
    const { reader, seen, clock, path } = await setUp();
    setLineDead(path, true);
    reader.swipe(stripeCard, { bad: true });
    for (let i = 0; i < 4; i++) {
      await settle(wireActivity);
      clock.fireNext();
    }
    setLineDead(path, false);
    reader.tap(chipCard);
    await settle(wireActivity);
    expect(seen).toEqual([{ kind: 'tap' }]);
  });

  it('works without a clock on the reader side', async () => {
    const { reader, seen } = await setUp({ readerClock: false });
    reader.swipe(stripeCard);
    reader.insert(chipCard);
    await settle(wireActivity);
    expect(seen.map((event) => event.kind)).toEqual(['swipe', 'chip-inserted']);
  });

  it('delivers any sequence of card actions as events in the same order', async () => {
    type Action = 'swipe' | 'bad-swipe' | 'insert' | 'insert-dead' | 'tap' | 'remove';
    const expectedKind: Record<Action, CardEvent['kind']> = {
      swipe: 'swipe',
      'bad-swipe': 'bad-swipe',
      insert: 'chip-inserted',
      'insert-dead': 'chip-failed',
      tap: 'tap',
      remove: 'removed',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Action>('swipe', 'bad-swipe', 'insert', 'insert-dead', 'tap', 'remove'), { maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        async (actions, maxReadSize, settleBetween) => {
          const { reader, seen } = await setUp({ maxReadSize });
          const expected: CardEvent['kind'][] = [];
          for (const action of actions) {
            const slotFree = !reader.cardPresent;
            if ((action === 'insert' || action === 'insert-dead' || action === 'tap') && !slotFree) continue;
            if (action === 'remove' && slotFree) continue;
            if (action === 'swipe') reader.swipe(chipCard);
            if (action === 'bad-swipe') reader.swipe(chipCard, { bad: true });
            if (action === 'insert') reader.insert(chipCard);
            if (action === 'insert-dead') reader.insert(chipCard, { chipDead: true });
            if (action === 'tap') reader.tap(chipCard);
            if (action === 'remove') reader.remove();
            expected.push(expectedKind[action]);
            if (settleBetween) await settle(wireActivity);
          }
          await settle(wireActivity);
          expect(seen.map((event) => event.kind)).toEqual(expected);
        },
      ),
      { seed: 7813, numRuns: 60 },
    );
  });
});
