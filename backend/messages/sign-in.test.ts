import { describe, expect, it } from 'vitest';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { packMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import {
  hostFixture,
  loadWorkingKeys,
  merchantId,
  provisionShop,
  readAnswer,
  signInRequest,
  terminalHeader,
  terminalId,
} from '../test-support/terminal-messages.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

describe('sign-in 0800/0810', () => {
  it('delivers working keys under the TMK whose check values verify', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const { header, message } = readAnswer(host.handle(signInRequest('000123')));

    expect(message.mti).toBe('0810');
    expect(message.fields[39]).toBe('00');
    expect(message.fields[11]).toBe('000123');
    expect(message.fields[41]).toBe(terminalId);
    expect(message.fields[42]).toBe(merchantId);
    expect(message.fields[60]).toBe('00000001003');
    expect(message.fields[12]).toBe('200000'); // 12:00 UTC is 20:00 in the host's UTC+8
    expect(message.fields[13]).toBe('1122');
    expect(message.fields[37]).toMatch(/^\d{12}$/);
    const field62 = message.fields[62] as Uint8Array;
    expect(field62).toHaveLength(40);

    const keys = loadWorkingKeys(field62);
    expect(hex(keys.pinKey)).not.toBe(hex(keys.macKey));
    const view = host.queries.terminal(terminalId);
    expect(view).toMatchObject({ signedIn: true, lastStan: '000123', batch: '000001' });
    expect(view?.pinKeyKcv).toBe(hex(keyCheckValue(keys.pinKey, 4)));
    expect(view?.macKeyKcv).toBe(hex(keyCheckValue(keys.macKey, 4)));

    // The TPDU comes back turned round: destination and source NII swapped.
    expect([...header.tpdu]).toEqual([0x60, 0x00, 0x01, 0x00, 0x03]);
    expect([...header.appHeader]).toEqual([...terminalHeader.appHeader]);
  });

  it('issues new keys at every sign-in', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const first = readAnswer(host.handle(signInRequest('000001'))).message.fields[62] as Uint8Array;
    const second = readAnswer(host.handle(signInRequest('000002'))).message.fields[62] as Uint8Array;
    expect(hex(first)).not.toBe(hex(second));
  });

  it('replays the same keys from the same seed', () => {
    const a = hostFixture();
    const b = hostFixture();
    provisionShop(a.host);
    provisionShop(b.host);
    expect(hex(a.host.handle(signInRequest('000001'))!)).toBe(hex(b.host.handle(signInRequest('000001'))!));
  });

  it('answers 97 to a terminal it does not know and 03 to the wrong merchant', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const stranger = packMessage(
      cupPos,
      { mti: '0800', fields: { 11: '000001', 41: 'T9999999', 42: merchantId, 60: '00000001003' } },
      terminalHeader,
    );
    const unknown = readAnswer(host.handle(stranger)).message;
    expect(unknown.fields[39]).toBe('97');
    expect(unknown.fields[62]).toBeUndefined();

    const wrongShop = packMessage(
      cupPos,
      { mti: '0800', fields: { 11: '000002', 41: terminalId, 42: '898310048169999', 60: '00000001003' } },
      terminalHeader,
    );
    const refused = readAnswer(host.handle(wrongShop)).message;
    expect(refused.fields[39]).toBe('03');
    expect(refused.fields[62]).toBeUndefined();
    expect(host.queries.terminal(terminalId)?.signedIn).toBe(false);
  });

  it('answers 30 when the terminal id is missing', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const bare = packMessage(cupPos, { mti: '0800', fields: { 11: '000001', 42: merchantId } }, terminalHeader);
    expect(readAnswer(host.handle(bare)).message.fields[39]).toBe('30');
  });
});
