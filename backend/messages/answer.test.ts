import { describe, expect, it } from 'vitest';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import { signInRequest } from '../test-support/terminal-messages.ts';
import { answerHeader, answerMti } from './answer.ts';
import { readEnvelope } from './envelope.ts';

describe('answer addressing', () => {
  it('turns request MTIs into answer MTIs and refuses responses', () => {
    expect(answerMti('0200')).toBe('0210');
    expect(answerMti('0800')).toBe('0810');
    expect(answerMti('0420')).toBe('0430');
    expect(answerMti('0210')).toBeUndefined();
    expect(answerMti('0260')).toBeUndefined();
  });

  it('swaps the NIIs of the TPDU and echoes the application header', () => {
    const header = answerHeader({ tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01), appHeader: Uint8Array.of(0x60, 0x22, 0, 0, 0, 0) });
    expect([...header.tpdu]).toEqual([0x60, 0x00, 0x01, 0x00, 0x03]);
    expect([...header.appHeader]).toEqual([0x60, 0x22, 0, 0, 0, 0]);
  });
});

describe('envelope of an unreadable message', () => {
  it('reads header and MTI from a message cut short after its MTI', () => {
    const envelope = readEnvelope(cupPos, signInRequest('000001').slice(0, 13));
    expect(envelope?.answerMti).toBe('0810');
    expect([...(envelope?.header.tpdu ?? [])]).toEqual([0x60, 0x00, 0x03, 0x00, 0x01]);
  });

  it('gives up on a wrong TPDU id, a non-BCD MTI or too few bytes', () => {
    const wrongTpdu = signInRequest('000001');
    wrongTpdu[0] = 0x61;
    const hexMti = signInRequest('000001');
    hexMti[11] = 0x0a;
    expect(readEnvelope(cupPos, wrongTpdu)).toBeUndefined();
    expect(readEnvelope(cupPos, hexMti)).toBeUndefined();
    expect(readEnvelope(cupPos, signInRequest('000001').slice(0, 12))).toBeUndefined();
  });
});
