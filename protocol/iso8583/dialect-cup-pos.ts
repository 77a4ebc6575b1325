import type { Dialect, FieldSpec } from './types.ts';

/**
 * The `cup-pos` dialect, field for field as docs/wire-dialect.md lists it. `max` counts digits
 * for n/z and bytes for the rest; b64 fields are 8 bytes.
 */
const table: readonly FieldSpec[] = [
  { id: 2, name: 'primary account number', format: 'n', length: 'LL', max: 19, sensitive: 'pan' },
  { id: 3, name: 'processing code', format: 'n', length: 'fixed', max: 6 },
  { id: 4, name: 'amount', format: 'n', length: 'fixed', max: 12 },
  { id: 11, name: 'system trace audit number', format: 'n', length: 'fixed', max: 6 },
  { id: 12, name: 'local time', format: 'n', length: 'fixed', max: 6 },
  { id: 13, name: 'local date', format: 'n', length: 'fixed', max: 4 },
  { id: 14, name: 'expiry date', format: 'n', length: 'fixed', max: 4 },
  { id: 15, name: 'settlement date', format: 'n', length: 'fixed', max: 4 },
  { id: 22, name: 'POS entry mode', format: 'n', length: 'fixed', max: 3 },
  { id: 23, name: 'card sequence number', format: 'n', length: 'fixed', max: 3 },
  { id: 25, name: 'POS condition code', format: 'n', length: 'fixed', max: 2 },
  { id: 26, name: 'PIN capture code', format: 'n', length: 'fixed', max: 2 },
  { id: 32, name: 'acquiring institution id', format: 'n', length: 'LL', max: 11 },
  { id: 35, name: 'track 2 data', format: 'z', length: 'LL', max: 37, sensitive: 'track' },
  { id: 36, name: 'track 3 data', format: 'z', length: 'LLL', max: 104, sensitive: 'track' },
  { id: 37, name: 'retrieval reference number', format: 'an', length: 'fixed', max: 12 },
  { id: 38, name: 'authorisation id', format: 'an', length: 'fixed', max: 6 },
  { id: 39, name: 'response code', format: 'an', length: 'fixed', max: 2 },
  { id: 41, name: 'terminal id', format: 'ans', length: 'fixed', max: 8 },
  { id: 42, name: 'merchant id', format: 'ans', length: 'fixed', max: 15 },
  { id: 44, name: 'additional response data', format: 'ans', length: 'LL', max: 25 },
  { id: 48, name: 'additional data', format: 'ans', length: 'LLL', max: 322 },
  { id: 49, name: 'currency code', format: 'an', length: 'fixed', max: 3 },
  { id: 52, name: 'PIN block', format: 'b', length: 'fixed', max: 8, sensitive: 'pin' },
  { id: 53, name: 'security control', format: 'n', length: 'fixed', max: 16 },
  { id: 54, name: 'balance', format: 'ans', length: 'LLL', max: 20 },
  { id: 55, name: 'ICC data', format: 'b', length: 'LLL', max: 255, sensitive: 'icc' },
  { id: 59, name: 'terminal location', format: 'ans', length: 'LLL', max: 100 },
  { id: 60, name: 'reserved private (message type, batch, network code)', format: 'n', length: 'LLL', max: 17 },
  { id: 61, name: 'original message', format: 'n', length: 'LLL', max: 29 },
  { id: 62, name: 'reserved private (key data)', format: 'b', length: 'LLL', max: 512, sensitive: 'key' },
  { id: 63, name: 'reserved private (operator)', format: 'ans', length: 'LLL', max: 163 },
  { id: 64, name: 'MAC', format: 'b', length: 'fixed', max: 8, sensitive: 'mac' },
];

export const cupPos: Dialect = {
  name: 'cup-pos',
  headerLength: 11,
  defaultHeader: {
    tpdu: Uint8Array.of(0x60, 0x00, 0x00, 0x00, 0x00),
    appHeader: Uint8Array.of(0x60, 0x22, 0x00, 0x00, 0x00, 0x00),
  },
  fields: new Map(table.map((spec) => [spec.id, spec])),
};
