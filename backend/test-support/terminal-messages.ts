import { VirtualClock } from '../../platform/clock.ts';
import type { EventDetail, EventSource } from '../../platform/events.ts';
import { seededRandom } from '../../platform/random.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage, MessageHeader } from '../../protocol/iso8583/types.ts';
import { createAcquirerHost } from '../host.ts';
import type { AcquirerHost, AcquirerHostOptions } from '../host.ts';

/**
 * Test support: builds requests the way a terminal would (protocol's packer, PIN block and
 * retail MAC) so host tests exercise the wire, not the host's own helpers.
 */
export const terminalId = 'T0000001';
export const merchantId = '898310048160001';
export const terminalMasterKey = Uint8Array.from([
  0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
]);
export const terminalHeader: MessageHeader = {
  tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01),
  appHeader: Uint8Array.of(0x60, 0x22, 0x00, 0x00, 0x00, 0x00),
};

export const cards = {
  debit: { pan: '6222021234567890123', expiry: '2812', pin: '123456', balanceMinor: 500_000 },
  expired: { pan: '6222021234567890222', expiry: '2401', pin: '123456', balanceMinor: 500_000 },
  lost: { pan: '6222021234567890333', expiry: '2812', pin: '123456', balanceMinor: 500_000, status: 'lost' },
  credit: { pan: '6250941234567890444', expiry: '2812', pin: '4321', balanceMinor: 100_000, product: 'credit' },
} as const;

/** 22 November 2026, 12:00 UTC. */
export const startOfRun = Date.UTC(2026, 10, 22, 12, 0, 0);

export interface HostFixture {
  readonly host: AcquirerHost;
  readonly clock: VirtualClock;
  readonly events: Array<{ source: EventSource; kind: string; detail?: EventDetail }>;
}

export function hostFixture(overrides: Partial<AcquirerHostOptions> = {}): HostFixture {
  const clock = new VirtualClock(startOfRun);
  const events: HostFixture['events'] = [];
  const host = createAcquirerHost({
    clock,
    random: seededRandom(7),
    events: (source, kind, detail) => events.push({ source, kind, ...(detail && { detail }) }),
    ...overrides,
  });
  return { host, clock, events };
}

export function provisionShop(host: AcquirerHost): void {
  host.provision.merchant({ id: merchantId, name: 'Noodle Bar', mcc: '5812', region: 'shanghai' });
  host.provision.terminal({ terminalId, merchantId, masterKey: terminalMasterKey });
  for (const card of Object.values(cards)) host.provision.card(card);
}

export function signInRequest(stan: string, batch = '000001', terminal = terminalId): Uint8Array {
  return packMessage(
    cupPos,
    { mti: '0800', fields: { 11: stan, 41: terminal, 42: merchantId, 60: `00${batch}003`, 63: '001' } },
    terminalHeader,
  );
}

export interface WorkingKeysInClear {
  readonly pinKey: Uint8Array;
  readonly macKey: Uint8Array;
}

/** What the PIN pad does with field 62: decrypt under the TMK and refuse a key whose KCV differs. */
export function loadWorkingKeys(field62: Uint8Array, tmk = terminalMasterKey): WorkingKeysInClear {
  const pinKey = tdesDecryptEcb(tmk, field62.subarray(0, 16));
  const macKey = tdesDecryptEcb(tmk, field62.subarray(20, 36));
  if (!sameBytes(keyCheckValue(pinKey, 4), field62.subarray(16, 20))) throw new Error('PIN key check value differs');
  if (!sameBytes(keyCheckValue(macKey, 4), field62.subarray(36, 40))) throw new Error('MAC key check value differs');
  return { pinKey, macKey };
}

export interface SaleSpec {
  readonly stan: string;
  readonly amountMinor: number;
  readonly card: { readonly pan: string; readonly expiry: string };
  readonly pin?: string;
  readonly entry?: 'chip' | 'swipe';
  readonly batch?: string;
  readonly merchant?: string;
}

export function saleMessage(spec: SaleSpec, keys: WorkingKeysInClear): IsoMessage {
  const { pan, expiry } = spec.card;
  const card =
    spec.entry === 'swipe'
      ? { 22: spec.pin ? '021' : '022', 35: `${pan}=${expiry}2201000000` }
      : { 2: pan, 14: expiry, 22: spec.pin ? '051' : '052', 23: '001' };
  const pin = spec.pin
    ? { 26: '12', 52: encryptPinBlockFormat0(spec.pin, pan, keys.pinKey), 53: '2600000000000000' }
    : {};
  return {
    mti: '0200',
    fields: {
      ...card,
      ...pin,
      3: '000000',
      4: String(spec.amountMinor).padStart(12, '0'),
      11: spec.stan,
      25: '00',
      41: terminalId,
      42: spec.merchant ?? merchantId,
      49: '156',
      59: 'region=shanghai;cell=4021',
      60: `22${spec.batch ?? '000001'}000`,
    },
  };
}

/** Packs with field 64 under `macKey`, as the terminal's PIN pad would compute it. */
export function packSigned(message: IsoMessage, macKey: Uint8Array): Uint8Array {
  const unsigned = packMessage(cupPos, { mti: message.mti, fields: { ...message.fields, 64: new Uint8Array(8) } }, terminalHeader);
  return withMac(unsigned, retailMac(macKey, macRegion(cupPos, unsigned)));
}

export function saleRequest(spec: SaleSpec, keys: WorkingKeysInClear): Uint8Array {
  return packSigned(saleMessage(spec, keys), keys.macKey);
}

export function readAnswer(bytes: Uint8Array | undefined): { header: MessageHeader; message: IsoMessage } {
  if (bytes === undefined) throw new Error('the host did not answer');
  return unpackMessage(cupPos, bytes);
}

export function answerMacVerifies(bytes: Uint8Array, macKey: Uint8Array): boolean {
  const mac = readAnswer(bytes).message.fields[64];
  return mac instanceof Uint8Array && sameBytes(retailMac(macKey, macRegion(cupPos, bytes)), mac);
}

/** Signs the shop's terminal in and returns the keys its PIN pad would now hold. */
export function signIn(host: AcquirerHost, stan = '000001', terminal = terminalId): WorkingKeysInClear {
  const { message } = readAnswer(host.handle(signInRequest(stan, '000001', terminal)));
  const field62 = message.fields[62];
  if (message.fields[39] !== '00' || !(field62 instanceof Uint8Array)) throw new Error('sign-in refused');
  return loadWorkingKeys(field62);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
