import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TlvError, decodeTlv, encodeTlv, findTag } from './tlv.ts';
import type { Tlv } from './tlv.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('decodeTlv', () => {
  it('reads one- and two-byte tags and a constructed template into children', () => {
    // 9F26 (application cryptogram, 8 bytes), 9F27 (CID), 77 (response template) around 9F36 (ATC)
    const items = decodeTlv(hex('9F26080102030405060708' + '9F270180' + '7705' + '9F36020011'));
    expect(items.map((item) => item.tag)).toEqual(['9F26', '9F27', '77']);
    expect(toHex(items[0]!.value)).toBe('0102030405060708');
    expect(items[2]!.children).toEqual([{ tag: '9F36', value: hex('0011') }]);
    expect(items[0]!.children).toBeUndefined();
  });

  it('reads three-byte tags and the 0x81, 0x82 and 0x83 length forms', () => {
    const long = new Uint8Array(300).fill(7);
    const bytes = Uint8Array.from([
      ...hex('DF810102ABCD'),
      ...hex('5A81'), 0x80, ...new Uint8Array(0x80),
      ...hex('5F20820' + '12C'), ...long,
      ...hex('9F1F83000003'), 1, 2, 3,
    ]);
    const items = decodeTlv(bytes);
    expect(items.map((item) => [item.tag, item.value.length])).toEqual([
      ['DF8101', 2],
      ['5A', 128],
      ['5F20', 300],
      ['9F1F', 3],
    ]);
  });

  it('skips 0x00 padding between objects', () => {
    expect(decodeTlv(hex('00009F2701800000')).map((item) => item.tag)).toEqual(['9F27']);
  });

  const malformed: Array<[string, string]> = [
    ['a tag cut short', '9F'],
    ['a missing length', '9F26'],
    ['a value past the end', '9F260801020304'],
    ['the indefinite length form', '9F2680'],
    ['a 4-byte length field', '9F2684000000010A'],
    ['a length field cut short', '9F268201'],
    ['a tag over 4 bytes', '1F8181818101' + '00'],
    ['a constructed value that is not TLV', '7003' + '9F2605'],
  ];
  for (const [label, bytes] of malformed) {
    it(`throws TlvError for ${label}`, () => {
      expect(() => decodeTlv(hex(bytes))).toThrow(TlvError);
    });
  }

  it('throws TlvError, not a stack overflow, for deeply nested templates', () => {
    const depth = 5000;
    const bytes = new Uint8Array(depth * 2);
    for (let i = 0; i < depth; i++) {
      bytes[2 * i] = 0x70;
      bytes[2 * i + 1] = 0x7f;
    }
    const error = (() => {
      try {
        decodeTlv(bytes);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TlvError);
  });

  it('throws only TlvError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          decodeTlv(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(TlvError);
          expect((error as TlvError).code).toBe('TLV_BAD');
          expect((error as TlvError).side).toBe('peer');
        }
      }),
      { seed: 55, numRuns: 3000 },
    );
  });
});

describe('encodeTlv', () => {
  it('writes the shortest length form', () => {
    expect(toHex(encodeTlv([{ tag: '9F27', value: hex('80') }]))).toBe('9F270180');
    expect(toHex(encodeTlv([{ tag: '5A', value: new Uint8Array(0x80) }]).subarray(0, 3))).toBe('5A8180');
    expect(toHex(encodeTlv([{ tag: '5A', value: new Uint8Array(0x100) }]).subarray(0, 4))).toBe('5A820100');
    expect(toHex(encodeTlv([{ tag: '5A', value: new Uint8Array(0x10000) }]).subarray(0, 5))).toBe('5A83010000');
  });

  it('encodes a constructed tag from its children', () => {
    const bytes = encodeTlv([{ tag: '77', value: new Uint8Array(), children: [{ tag: '9F36', value: hex('0011') }] }]);
    expect(toHex(bytes)).toBe('77059F36020011');
  });

  for (const tag of ['', '9', '9F', '1F', '9F8F', '5A5A', 'XY', '00', '9f2', 'DF81018101']) {
    it(`rejects the tag '${tag}'`, () => {
      expect(() => encodeTlv([{ tag, value: new Uint8Array(1) }])).toThrow(TlvError);
    });
  }

  it('rejects children under a primitive tag', () => {
    expect(() => encodeTlv([{ tag: '9F26', value: new Uint8Array(), children: [] }])).toThrow(/primitive/);
  });
});

/** A BER tag: class/constructed bits from `first`, then 0–2 continuation bytes. */
function tagArbitrary(constructed: boolean): fc.Arbitrary<string> {
  const hexByte = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0');
  const single = fc.integer({ min: 1, max: 0x1e }).chain((low) =>
    fc.integer({ min: 0, max: 3 }).map((cls) => hexByte((cls << 6) | (constructed ? 0x20 : 0) | low)),
  );
  const multi = fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 2 }), fc.integer({ min: 0, max: 0x7f }))
    .map(([cls, middle, last]) => [(cls << 6) | (constructed ? 0x20 : 0) | 0x1f, ...middle, last].map(hexByte).join(''));
  return fc.oneof(single, multi);
}

const tlvTree: fc.Arbitrary<Tlv[]> = fc.letrec<{ items: Tlv[]; item: Tlv }>((tie) => ({
  items: fc.array(tie('item'), { maxLength: 4 }),
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ tag: tagArbitrary(false), value: fc.uint8Array({ maxLength: 300 }) }),
    fc.record({ tag: tagArbitrary(true), children: tie('items') }).map(({ tag, children }) => ({
      tag,
      value: encodeTlv(children),
      children,
    })),
  ),
})).items;

describe('round trip', () => {
  it('decodeTlv(encodeTlv(items)) = items for random trees', () => {
    fc.assert(
      fc.property(tlvTree, (items) => {
        expect(decodeTlv(encodeTlv(items))).toEqual(items);
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});

describe('findTag', () => {
  const items = decodeTlv(hex('9F270180' + '700B' + '7705' + '9F3602ABCD' + '95020102'));
  it('finds top-level and nested tags, case-insensitively', () => {
    expect(toHex(findTag(items, '9F27')!.value)).toBe('80');
    expect(toHex(findTag(items, '9f36')!.value)).toBe('ABCD');
    expect(findTag(items, '77')?.children?.length).toBe(1);
    expect(findTag(items, '9F26')).toBeUndefined();
  });
});
