import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '../../platform/clock.ts';
import { deriveIccKey, verifyArqc } from '../../protocol/emv/arqc.ts';
import { decodeTlv, findTag } from '../../protocol/emv/tlv.ts';
import { CardReaderDriver } from '../../drivers/card-reader/card-reader-driver.ts';
import { CardReaderDevice } from '../../simulator/card-reader/card-reader-device.ts';
import type { CardImage } from '../../simulator/card-reader/card-image.ts';
import { runUntilSettled } from '../../simulator/serial/run-until.ts';
import { attachDevice, openDevicePort, resetWire } from '../../simulator/serial/wire.ts';
import { ChipReadError, readChip } from '../../core/emv/read-chip.ts';
import type { ChipTransaction } from '../../core/emv/read-chip.ts';

// Test fixtures: the emulated reader and card stand in for the hardware the core talks to.
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const IMK = hex('0123456789ABCDEFFEDCBA9876543210');
const PAN = '6222021234567890123';

function chipCard(aid = 'A000000333010101'): CardImage {
  return {
    id: `card-${aid}`,
    pan: PAN,
    expiry: '3012',
    serviceCode: '201',
    chip: { aid, panSequence: '01', iccKey: deriveIccKey(IMK, PAN, '01') },
  };
}

const tx: ChipTransaction = {
  amountMinor: 12850,
  currency: '156',
  date: '260513',
  unpredictableNumber: hex('A1B2C3D4'),
  transactionType: '00',
};

let line = 0;

async function setUp() {
  const clock = new VirtualClock(Date.UTC(2026, 4, 13));
  const reader = new CardReaderDevice({ clock });
  const path = `/dev/chip-read-test-${++line}`;
  attachDevice(path, reader);
  const driver = new CardReaderDriver(await openDevicePort(path), clock);
  const read = (transmit = (apdu: Uint8Array) => driver.transmit(apdu), transaction = tx) =>
    runUntilSettled(clock, readChip(transmit, transaction));
  return { reader, driver, read };
}

async function failure(promise: Promise<unknown>): Promise<ChipReadError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChipReadError);
  return error as ChipReadError;
}

describe('reading a chip card over the serial wire', () => {
  beforeEach(() => resetWire());

  it('reads the card and returns field 55 whose ARQC the issuer can verify', async () => {
    const { reader, read } = await setUp();
    reader.insert(chipCard());
    const chip = await read();
    expect(chip).toMatchObject({ pan: PAN, panSequence: '01', expiry: '3012' });
    expect(chip.track2Equivalent).toBe(`${PAN}=3012201${'0'.repeat(10)}`);

    const items = decodeTlv(chip.iccData);
    expect(items.map((item) => item.tag)).toEqual(['9F26', '9F27', '9F10', '9F37', '9F36', '95', '9A', '9C', '9F02', '9F03', '5F2A', '82', '9F1A', '84']);
    expect(toHex(findTag(items, '9F02')!.value)).toBe('000000012850');
    expect(toHex(findTag(items, '9F37')!.value)).toBe('A1B2C3D4');
    expect(toHex(findTag(items, '9A')!.value)).toBe('260513');
    expect(toHex(findTag(items, '5F2A')!.value)).toBe('0156');
    expect(toHex(findTag(items, '84')!.value)).toBe('A000000333010101');
    expect(verifyArqc({ issuerMasterKey: IMK, pan: PAN, panSequence: '01', iccData: chip.iccData })).toBe(true);
    expect(verifyArqc({ issuerMasterKey: hex('00'.repeat(16)), pan: PAN, panSequence: '01', iccData: chip.iccData })).toBe(false);
  });

  it('asks for a TC when told to: an offline card approves within its limit, and the issuer can verify the TC', async () => {
    const { reader, driver, read } = await setUp();
    const transmit = (apdu: Uint8Array) => driver.transmit(apdu);
    const card = chipCard();
    const offlineCard: CardImage = { ...card, chip: { ...card.chip!, offline: true, offlineLimitMinor: 20_000 } };
    const cases: Array<[CardImage, ChipTransaction, string]> = [
      [offlineCard, { ...tx, askOffline: true }, 'TC'],
      [offlineCard, { ...tx, askOffline: true, amountMinor: 20_001 }, 'ARQC'],
      [offlineCard, tx, 'ARQC'],
      [card, { ...tx, askOffline: true }, 'ARQC'],
    ];
    for (const [image, transaction, expected] of cases) {
      reader.insert(image);
      const chip = await read(transmit, transaction);
      reader.remove();
      const items = decodeTlv(chip.iccData);
      expect(chip.cryptogram.type).toBe(expected);
      expect(chip.cryptogram.hex).toBe(toHex(findTag(items, '9F26')!.value));
      expect(toHex(findTag(items, '9F27')!.value)).toBe(expected === 'TC' ? '40' : '80');
      expect(verifyArqc({ issuerMasterKey: IMK, pan: PAN, panSequence: '01', iccData: chip.iccData })).toBe(true);
    }
  });

  it('selects the next supported application and counts transactions across reads', async () => {
    const { reader, read } = await setUp();
    reader.insert(chipCard('A000000333010102'));
    const first = await read();
    reader.remove();
    reader.insert(chipCard('A000000333010102'));
    const second = await read();
    expect(toHex(findTag(decodeTlv(first.iccData), '84')!.value)).toBe('A000000333010102');
    expect(toHex(findTag(decodeTlv(first.iccData), '9F36')!.value)).toBe('0001');
    expect(toHex(findTag(decodeTlv(second.iccData), '9F36')!.value)).toBe('0002');
  });

  it('fails with CARD_REMOVED when the card is pulled mid-read', async () => {
    const { reader, driver, read } = await setUp();
    reader.insert(chipCard());
    let commands = 0;
    const error = await failure(
      read((apdu) => {
        if (++commands === 3) reader.remove();
        return driver.transmit(apdu);
      }),
    );
    expect(error.code).toBe('CARD_REMOVED');
  });

  it('fails with CHIP_READ_FAILED for an unsupported application or a silent reader', async () => {
    const { reader, read } = await setUp();
    reader.insert(chipCard('A000000004101001'));
    expect((await failure(read())).code).toBe('CHIP_READ_FAILED');
    reader.setSilent(true);
    expect((await failure(read())).code).toBe('CHIP_READ_FAILED');
  });

  it('turns any nonsense from the card into a ChipReadError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 60 }), { minLength: 1, maxLength: 8 }), async (answers) => {
        let next = 0;
        const transmit = async (): Promise<Uint8Array> => {
          const answer = answers[next++ % answers.length]!;
          return next % 2 === 0 ? Uint8Array.from([...answer, 0x90, 0x00]) : answer;
        };
        await failure(readChip(transmit, tx));
      }),
      { seed: 5555, numRuns: 300 },
    );
  });
});
