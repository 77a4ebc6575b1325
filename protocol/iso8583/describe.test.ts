import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeTlv } from '../emv/tlv.ts';
import { cupPos } from './dialect-cup-pos.ts';
import { describeMessage, maskPan, responseCodeText } from './describe.ts';
import { messageArbitrary } from './testing/arbitrary-message.ts';
import type { IsoMessage } from './types.ts';

const PAN = '6222021234567890123';
const TRACK2 = `${PAN}=28121010000000`;

const message: IsoMessage = {
  mti: '0200',
  fields: {
    2: PAN,
    4: '000000012850',
    35: TRACK2,
    41: '12345678',
    52: Uint8Array.of(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88),
    55: encodeTlv([
      { tag: '9F26', value: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) },
      { tag: '77', value: new Uint8Array(), children: [{ tag: '9F27', value: Uint8Array.of(0x80) }] },
    ]),
    62: new Uint8Array(40).fill(0xab),
    64: Uint8Array.of(0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8),
  },
};

describe('describeMessage', () => {
  const lines = describeMessage(cupPos, message);
  const byField = new Map(lines.map((line) => [line.field, line.value]));

  it('lists fields in ascending order with their dialect names', () => {
    expect(lines.map((line) => line.field)).toEqual([2, 4, 35, 41, 52, 55, 62, 64]);
    expect(lines[0]?.name).toBe('primary account number');
  });

  it('masks the PAN to first 6 and last 4', () => {
    expect(byField.get(2)).toBe('622202*********0123');
  });

  it('replaces track, PIN block, key data and MAC by their size', () => {
    expect(byField.get(35)).toBe('[redacted: 34 characters]');
    expect(byField.get(52)).toBe('[redacted: 8 bytes]');
    expect(byField.get(62)).toBe('[redacted: 40 bytes]');
    expect(byField.get(64)).toBe('[redacted: 8 bytes]');
  });

  it('reduces ICC data to its tags, nested ones included', () => {
    expect(byField.get(55)).toBe('tags 9F26 77 9F27');
    const broken = describeMessage(cupPos, { mti: '0200', fields: { 55: Uint8Array.of(0x9f, 0x26, 0x08, 1) } });
    expect(broken[0]?.value).toBe('[ICC data: 4 bytes, not valid TLV]');
  });

  it('shows plain fields as they are and redacts fields the dialect does not know', () => {
    expect(byField.get(4)).toBe('000000012850');
    expect(byField.get(41)).toBe('12345678');
    const unknown = describeMessage(cupPos, { mti: '0200', fields: { 45: 'B6222021234567890123^NAME' } });
    expect(unknown[0]).toEqual({ field: 45, name: 'unknown field', value: '[redacted: 25 characters]' });
  });

  it('never lets a PAN, track, PIN block, key or MAC through, for any message', () => {
    fc.assert(
      fc.property(messageArbitrary(cupPos), (random) => {
        const text = JSON.stringify(describeMessage(cupPos, random));
        const pan = random.fields[2];
        if (typeof pan === 'string' && pan.length > 10) expect(text).not.toContain(pan);
        const track = random.fields[35];
        if (typeof track === 'string' && track.length > 12) expect(text).not.toContain(track);
        for (const id of [52, 62, 64]) {
          const bytes = random.fields[id];
          if (bytes instanceof Uint8Array && bytes.length >= 4) {
            expect(text).not.toContain(Buffer.from(bytes).toString('hex').toUpperCase());
          }
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('maskPan', () => {
  it('keeps 6 + 4 digits', () => {
    expect(maskPan('6222021234567890')).toBe('622202******7890');
    expect(maskPan('12345678901')).toBe('123456*8901');
  });

  it('masks everything when 6 + 4 would show the whole number', () => {
    expect(maskPan('1234567890')).toBe('**********');
    expect(maskPan('')).toBe('');
  });
});

describe('responseCodeText', () => {
  it('has words for every response code in docs/wire-dialect.md', () => {
    const doc = readFileSync(new URL('../../docs/wire-dialect.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Response codes'));
    const codes = [...section.matchAll(/^\| ([0-9A-Z]{2}) \|/gm)].map((match) => match[1] as string);
    expect(codes.length).toBe(21);
    expect(Object.keys(responseCodeText).sort()).toEqual([...codes].sort());
    expect(responseCodeText['51']).toBe('Insufficient funds');
    for (const text of Object.values(responseCodeText)) expect(text.length).toBeLessThanOrEqual(30);
  });
});
