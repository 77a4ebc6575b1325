import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { macRegion, packMessage, packSigned, unpackMessage, withMac } from './codec.ts';
import { cupPos } from './dialect-cup-pos.ts';
import { Iso8583Error } from './errors.ts';
import { messageArbitrary } from './testing/arbitrary-message.ts';
import type { Dialect, FieldSpec, IsoMessage } from './types.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

const PAN = '6222021234567890123';

const sale: IsoMessage = {
  mti: '0200',
  fields: {
    2: PAN,
    3: '000000',
    4: '000000012850',
    11: '000123',
    14: '2812',
    22: '051',
    23: '001',
    25: '00',
    26: '12',
    35: `${PAN}=28121010000000`,
    41: '12345678',
    42: '898310048160001',
    49: '156',
    52: hex('0102030405060708'),
    53: '2600000000000000',
    55: hex('9F26081122334455667788'),
    59: 'region=sh;cell=42',
    60: '22000001000',
    64: hex('A1A2A3A4A5A6A7A8'),
  },
};

// Written by hand from docs/wire-dialect.md, not captured from the packer.
const saleBytes = hex(
  [
    '6000000000', // TPDU
    '602200000000', // application header
    '0200', // MTI
    '702406C020C09A31', // bitmap: 2 3 4 11 14 22 23 25 26 35 41 42 49 52 53 55 59 60 64
    '19', '62220212345678901230', // 2: LL 19 digits, right-padded with a 0 nibble
    '000000', // 3
    '000000012850', // 4
    '000123', // 11
    '2812', // 14
    '0051', // 22: n3, left-padded
    '0001', // 23
    '00', // 25
    '12', // 26
    '34', '622202123456789012', '3D', '28121010000000', // 35: 34 characters, '=' as nibble D
    '3132333435363738', // 41
    '383938333130303438313630303031', // 42
    '313536', // 49
    '0102030405060708', // 52
    '2600000000000000', // 53
    '0011', '9F26081122334455667788', // 55: LLL 11 bytes
    '0017', '726567696F6E3D73683B63656C6C3D3432', // 59: 'region=sh;cell=42'
    '0011', '220000010000', // 60: LLL 11 digits, right-padded
    'A1A2A3A4A5A6A7A8', // 64
  ].join(''),
);

describe('cup-pos codec: byte layout', () => {
  it('packs a chip sale 0200 exactly as the wire document lays it out', () => {
    expect(toHex(packMessage(cupPos, sale))).toBe(toHex(saleBytes));
  });

  it('unpacks the same bytes back into the message and header', () => {
    const { header, message } = unpackMessage(cupPos, saleBytes);
    expect(message).toEqual(sale);
    expect(toHex(header.tpdu)).toBe('6000000000');
    expect(toHex(header.appHeader)).toBe('602200000000');
  });

  it('packs fields in ascending order whatever order the object was built in', () => {
    const reversed: IsoMessage = { mti: '0200', fields: {} };
    for (const key of Object.keys(sale.fields).reverse()) {
      reversed.fields[Number(key)] = sale.fields[Number(key)];
    }
    expect(toHex(packMessage(cupPos, reversed))).toBe(toHex(saleBytes));
  });

  it('zero-fills short fixed numeric values on the left and pads fixed text with spaces', () => {
    const packed = packMessage(cupPos, { mti: '0800', fields: { 4: '12850', 41: 'T1' } });
    const { message } = unpackMessage(cupPos, packed);
    expect(message.fields[4]).toBe('000000012850');
    expect(message.fields[41]).toBe('T1      ');
  });

  it('uses the given header instead of the default', () => {
    const header = { tpdu: hex('6000030000'), appHeader: hex('602200000001') };
    const packed = packMessage(cupPos, { mti: '0810', fields: { 39: '00' } }, header);
    expect(toHex(packed.subarray(0, 11))).toBe('6000030000602200000001');
  });

  it('locates the MAC region from the MTI to just before field 64, and swaps in a MAC', () => {
    const region = macRegion(cupPos, saleBytes);
    expect(toHex(region)).toBe(toHex(saleBytes.subarray(11, saleBytes.length - 8)));
    const signed = withMac(saleBytes, hex('0011223344556677'));
    expect(toHex(signed.subarray(signed.length - 8))).toBe('0011223344556677');
    expect(toHex(signed.subarray(0, signed.length - 8))).toBe(toHex(saleBytes.subarray(0, saleBytes.length - 8)));
    expect(toHex(saleBytes.subarray(saleBytes.length - 8))).toBe('A1A2A3A4A5A6A7A8');
  });

  it('signs in one pack exactly as pack, macRegion and withMac do in three, for random messages', () => {
    const signer = { mac: (region: Uint8Array) => Uint8Array.from(region.subarray(0, 8)).reverse().map((byte, i) => byte ^ region.length ^ i) };
    const header = fc.record({ tpdu: fc.uint8Array({ minLength: 5, maxLength: 5 }), appHeader: fc.uint8Array({ minLength: 6, maxLength: 6 }) });
    fc.assert(
      fc.property(messageArbitrary(cupPos), header, (message, head) => {
        const fields = Object.fromEntries(Object.entries(message.fields).filter(([id]) => Number(id) < 64));
        const placeholder = packMessage(cupPos, { mti: message.mti, fields: { ...fields, 64: new Uint8Array(8) } }, head);
        const expected = withMac(placeholder, signer.mac(macRegion(cupPos, placeholder)));
        expect(toHex(packSigned(cupPos, { mti: message.mti, fields }, head, signer))).toBe(toHex(expected));
      }),
      { seed: 9797, numRuns: 300 },
    );
  });

  it('refuses to sign a message that already has field 64, or a MAC that is not 8 bytes', () => {
    const eight = { mac: () => new Uint8Array(8) };
    const error = catchError(() => packSigned(cupPos, sale, cupPos.defaultHeader, eight));
    expect([error.code, error.side, error.field]).toEqual(['ISO_BAD_FORMAT', 'local', 64]);
    const short = catchError(() => packSigned(cupPos, { mti: '0810', fields: { 39: '00' } }, cupPos.defaultHeader, { mac: () => new Uint8Array(4) }));
    expect([short.code, short.field]).toEqual(['ISO_BAD_FORMAT', 64]);
  });

  it('unpacks the header and binary fields as views into the bytes, not copies', () => {
    const { header, message } = unpackMessage(cupPos, saleBytes);
    expect(header.tpdu.buffer).toBe(saleBytes.buffer);
    expect(header.appHeader.buffer).toBe(saleBytes.buffer);
    expect((message.fields[64] as Uint8Array).buffer).toBe(saleBytes.buffer);
  });

  it('refuses a MAC region when field 64 is absent', () => {
    const packed = packMessage(cupPos, { mti: '0800', fields: { 11: '000001' } });
    expect(() => macRegion(cupPos, packed)).toThrow(Iso8583Error);
  });
});

const wide: Dialect = {
  name: 'wide-test',
  headerLength: 11,
  defaultHeader: cupPos.defaultHeader,
  fields: new Map<number, FieldSpec>([
    [2, { id: 2, name: 'pan', format: 'n', length: 'LL', max: 19, sensitive: 'pan' }],
    [64, { id: 64, name: 'mac', format: 'b', length: 'fixed', max: 8, sensitive: 'mac' }],
    [70, { id: 70, name: 'network management code', format: 'n', length: 'fixed', max: 3 }],
    [128, { id: 128, name: 'second mac', format: 'b', length: 'fixed', max: 8 }],
  ]),
};

describe('secondary bitmap', () => {
  it('is sent, flagged by bit 1, when a field above 64 is present', () => {
    const packed = packMessage(wide, { mti: '0800', fields: { 70: '301', 128: hex('0102030405060708') } });
    expect(toHex(packed.subarray(13, 29))).toBe('8000000000000000' + '0400000000000001');
    expect(toHex(packed.subarray(29))).toBe('0301' + '0102030405060708');
    expect(unpackMessage(wide, packed).message.fields).toEqual({ 70: '301', 128: hex('0102030405060708') });
  });

  it('is left out when every field is 64 or below', () => {
    const packed = packMessage(wide, { mti: '0800', fields: { 64: hex('0102030405060708') } });
    expect(packed.length).toBe(11 + 2 + 8 + 8);
  });

  it('makes field 64 not last for the MAC region when a secondary field follows', () => {
    const packed = packMessage(wide, { mti: '0800', fields: { 64: hex('0102030405060708'), 70: '301' } });
    expect(() => macRegion(wide, packed)).toThrow(/not the last field/);
  });
});

function catchError(run: () => unknown): Iso8583Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Iso8583Error) return error;
    throw error;
  }
  throw new Error('expected an Iso8583Error');
}

describe('pack rejects invalid values as local errors', () => {
  const cases: Array<[string, IsoMessage, string, number | undefined]> = [
    ['MTI with a letter', { mti: '02A0', fields: {} }, 'ISO_BAD_MTI', undefined],
    ['MTI of 3 digits', { mti: '200', fields: {} }, 'ISO_BAD_MTI', undefined],
    ['letter in a numeric field', { mti: '0200', fields: { 4: '00000001285O' } }, 'ISO_BAD_FORMAT', 4],
    ['letter in the PAN', { mti: '0200', fields: { 2: '62220212345678X' } }, 'ISO_BAD_FORMAT', 2],
    ['PAN of 20 digits', { mti: '0200', fields: { 2: '62220212345678901234' } }, 'ISO_TOO_LONG', 2],
    ['13-digit amount', { mti: '0200', fields: { 4: '1000000000000' } }, 'ISO_TOO_LONG', 4],
    ['field the dialect lacks', { mti: '0200', fields: { 5: '1' } }, 'ISO_UNKNOWN_FIELD', 5],
    ['7-byte PIN block', { mti: '0200', fields: { 52: new Uint8Array(7) } }, 'ISO_BAD_FORMAT', 52],
    ['string in a binary field', { mti: '0200', fields: { 55: '9F26' } }, 'ISO_BAD_FORMAT', 55],
    ['bytes in a text field', { mti: '0200', fields: { 41: new Uint8Array(8) } }, 'ISO_BAD_FORMAT', 41],
    ['non-ASCII text', { mti: '0200', fields: { 59: 'region=上海' } }, 'ISO_BAD_FORMAT', 59],
    ['punctuation in an an field', { mti: '0210', fields: { 39: '0!' } }, 'ISO_BAD_FORMAT', 39],
    ['track with a letter', { mti: '0200', fields: { 35: `${PAN}D2812` } }, 'ISO_BAD_FORMAT', 35],
  ];
  for (const [label, message, code, field] of cases) {
    it(label, () => {
      const error = catchError(() => packMessage(cupPos, message));
      expect(error.code).toBe(code);
      expect(error.side).toBe('local');
      expect(error.field).toBe(field);
      expect(error.message).not.toContain(PAN);
    });
  }

  it('a header of the wrong size', () => {
    const error = catchError(() => packMessage(cupPos, sale, { tpdu: new Uint8Array(5), appHeader: new Uint8Array(5) }));
    expect(error.code).toBe('ISO_BAD_FORMAT');
  });
});

describe('unpack rejects bad bytes as peer errors', () => {
  const mutate = (at: number, byte: number): Uint8Array => {
    const copy = saleBytes.slice();
    copy[at] = byte;
    return copy;
  };
  const cases: Array<[string, Uint8Array, string, number | undefined]> = [
    ['cut inside the header', saleBytes.subarray(0, 9), 'ISO_TRUNCATED', undefined],
    ['cut inside the last field', saleBytes.subarray(0, saleBytes.length - 3), 'ISO_TRUNCATED', 64],
    ['MTI that is not BCD', mutate(11, 0x0a), 'ISO_BAD_MTI', undefined],
    ['bitmap naming field 5', mutate(13, 0x78), 'ISO_UNKNOWN_FIELD', 5],
    ['PAN prefix over 19', mutate(21, 0x20), 'ISO_TOO_LONG', 2],
    ['PAN prefix not BCD', mutate(21, 0x1a), 'ISO_BAD_FORMAT', 2],
    ['PAN digit not BCD', mutate(22, 0x6b), 'ISO_BAD_FORMAT', 2],
    ['bytes after the last field', Uint8Array.from([...saleBytes, 0x00]), 'ISO_BAD_FORMAT', undefined],
  ];
  for (const [label, bytes, code, field] of cases) {
    it(label, () => {
      const error = catchError(() => unpackMessage(cupPos, bytes));
      expect(error.code).toBe(code);
      expect(error.side).toBe('peer');
      expect(error.field).toBe(field);
      expect(error.message).not.toContain(PAN);
    });
  }
});

describe('round trip', () => {
  it('unpack(pack(m)) = m for random valid cup-pos messages and headers', () => {
    const header = fc.record({ tpdu: fc.uint8Array({ minLength: 5, maxLength: 5 }), appHeader: fc.uint8Array({ minLength: 6, maxLength: 6 }) });
    fc.assert(
      fc.property(messageArbitrary(cupPos), header, (message, head) => {
        const decoded = unpackMessage(cupPos, packMessage(cupPos, message, head));
        expect(decoded.message).toEqual(message);
        expect(decoded.header).toEqual(head);
      }),
      { seed: 8583, numRuns: 500 },
    );
  });

  it('unpack(pack(m)) = m with a secondary bitmap', () => {
    fc.assert(
      fc.property(messageArbitrary(wide), (message) => {
        expect(unpackMessage(wide, packMessage(wide, message)).message).toEqual(message);
      }),
      { seed: 128, numRuns: 300 },
    );
  });
});
