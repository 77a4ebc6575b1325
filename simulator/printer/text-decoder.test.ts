import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeGb18030 } from '../../protocol/escpos/code-tables.ts';
import { TextDecoder } from './text-decoder.ts';

function decode(bytes: Iterable<number>, table: number, chinese: boolean): string {
  const decoder = new TextDecoder();
  let out = '';
  for (const byte of bytes) out += decoder.push(byte, table, chinese)?.char ?? '';
  return out;
}

describe('printer text decoding', () => {
  it('reads bytes above 0x7F from the ESC t code table', () => {
    expect(decode([0x41, 0x80, 0x9c, 0xc4], 0, false)).toBe('AÇ£─');
    expect(decode([0xe9, 0x80], 16, false)).toBe('é€');
    expect(decode([0x95, 0x96, 0x9c, 0xb1], 1, false)).toBe('─│╭ｱ');
  });

  it('reads GB18030 two- and four-byte characters in Chinese mode, ASCII as one byte', () => {
    expect(decode(encodeGb18030('消费 SALE 人民币'), 0, true)).toBe('消费 SALE 人民币');
    expect(decode(encodeGb18030('£€'), 0, true)).toBe('£€');
  });

  it('turns a broken sequence into one replacement character and carries on', () => {
    expect(decode([0xd6, 0x0a, 0x41], 0, true)).toBe('\ufffdA');
    expect(decode([0x80, 0x41], 0, true)).toBe('\ufffdA');
  });

  it('decodes any Chinese text it is sent, byte by byte', () => {
    const text = fc.string({ unit: fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)), fc.constantFrom('A', '1', ' ', '，', '。')), maxLength: 40 });
    fc.assert(fc.property(text, (s) => {
      expect(decode(encodeGb18030(s), 0, true)).toBe(s);
    }), { seed: 18030 });
  });
});
