import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { replayAnswer, storableAnswer } from './stored-answer.ts';

describe('stored answer', () => {
  it('is the JSON of the answer without card data or MAC, whatever characters its fields hold', () => {
    const fieldIds = fc.constantFrom(2, 3, 4, 11, 12, 14, 37, 38, 39, 44, 54, 63, 64);
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', 'café', '\u00ff', '\u0100', '\ud800', 'ok'),
    );
    fc.assert(
      fc.property(fc.dictionary(fieldIds.map(String), value), fc.constantFrom('0210', '0410'), (fields, mti) => {
        const message: IsoMessage = { mti, fields: {} };
        for (const [key, text] of Object.entries(fields)) message.fields[Number(key)] = text;
        const kept: Record<string, string> = {};
        const card: number[] = [];
        for (const [key, text] of Object.entries(fields)) {
          if (key === '2' || key === '14') card.push(Number(key));
          else if (key !== '64') kept[key] = text;
        }
        expect(storableAnswer(message)).toBe(JSON.stringify({ mti, fields: kept, card }));
      }),
      { seed: 1985, numRuns: 300 },
    );
  });

  it('keeps an answer of any length whole', () => {
    const message: IsoMessage = { mti: '0210', fields: { 39: '00', 54: '1'.repeat(999), 63: 'é'.repeat(999), 64: new Uint8Array(8) } };
    const kept = { 39: '00', 54: '1'.repeat(999), 63: 'é'.repeat(999) };
    expect(storableAnswer(message)).toBe(JSON.stringify({ mti: '0210', fields: kept, card: [] }));
  });

  it('replays with the PAN and expiry of the repeat that asks for it', () => {
    const answer: IsoMessage = { mti: '0210', fields: { 2: '6222021234567890123', 14: '3012', 39: '00', 44: 'say "hi" \\ \u0001' } };
    const repeat: IsoMessage = { mti: '0200', fields: { 2: '6222021234567890123', 14: '3012' } };
    expect(replayAnswer(storableAnswer(answer), repeat)).toEqual(answer);
  });
});
