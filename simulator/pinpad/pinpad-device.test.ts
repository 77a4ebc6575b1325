import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../platform/clock.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { tdesEncryptEcb } from '../../protocol/crypto/tdes.ts';
import { ACK, NAK, StxFrameDecoder, encodeStxFrame } from '../../protocol/framing/stx-etx.ts';
import type { StxItem } from '../../protocol/framing/stx-etx.ts';
import { PinPadDevice } from './pinpad-device.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const TMK = hex('0123456789ABCDEFFEDCBA9876543210');
const PIN_KEY = hex('1111111111111111222222222222222A');

/** Talks to the pad frame by frame, the way a protocol analyser on the line would. */
function bench() {
  const clock = new VirtualClock(0);
  const pad = new PinPadDevice({ clock });
  const decoder = new StxFrameDecoder();
  const heard: StxItem[] = [];
  pad.connect((bytes) => heard.push(...decoder.push(bytes)));
  const command = (text: string, extra: number[] = []) => pad.receive(encodeStxFrame(Uint8Array.from([...Buffer.from(text, 'latin1'), ...extra])));
  const answers = () => heard.flatMap((item) => (item.kind === 'frame' ? [Buffer.from(item.payload).toString('hex')] : []));
  return { clock, pad, heard, command, answers };
}

function loadKeys(b: ReturnType<typeof bench>): void {
  const keys = [...tdesEncryptEcb(TMK, PIN_KEY), ...keyCheckValue(PIN_KEY), ...tdesEncryptEcb(TMK, PIN_KEY), ...keyCheckValue(PIN_KEY)];
  b.pad.injectMasterKey(TMK);
  b.command('K', keys);
  b.pad.receive(Uint8Array.of(ACK));
}

describe('emulated PIN pad, frame by frame', () => {
  it('ACKs each command and refuses unknown or malformed ones with status 7F', () => {
    const b = bench();
    b.command('Z');
    b.pad.receive(Uint8Array.of(ACK));
    b.command('P', [...Buffer.from('123\x1c100\x1c30')]);
    expect(b.heard[0]).toEqual({ kind: 'ack' });
    expect(b.answers()).toEqual(['5a7f', '507f']);
  });

  it('NAKs a corrupt frame and resends its own answer when NAKed', () => {
    const b = bench();
    const bad = encodeStxFrame(Uint8Array.of(0x53));
    bad[bad.length - 1]! ^= 0x01;
    b.pad.receive(bad);
    expect(b.heard).toEqual([{ kind: 'nak' }]);
    b.command('S');
    b.pad.receive(Uint8Array.of(NAK));
    expect(b.answers()).toHaveLength(2);
  });

  it('sends stop-and-wait: a second answer waits for the first one’s ACK or its deadline', () => {
    const b = bench();
    b.command('S');
    b.command('Z');
    expect(b.answers()).toHaveLength(1);
    b.clock.fireNext();
    expect(b.answers()).toHaveLength(2);
    b.pad.receive(Uint8Array.of(ACK));
    expect(b.answers().slice(2)).toEqual(['5a7f']);
  });

  it('refuses a second PIN request while prompting and ignores keys when idle', () => {
    const b = bench();
    loadKeys(b);
    b.pad.pressDigits('1234');
    b.pad.pressEnter();
    expect(b.pad.screen()).toBe('WELCOME');
    const request = [...Buffer.from('6222021234567890123\x1c5\x1c30')];
    b.command('P', request);
    expect(b.pad.prompting).toBe(true);
    expect(b.pad.screen()).toBe('AMOUNT 0.05 / PIN: ');
    b.command('P', request);
    b.pad.receive(Uint8Array.of(ACK));
    expect(b.answers().at(-1)).toBe('507f');
    expect(() => b.pad.pressDigits('12a')).toThrow(RangeError);
  });

  it('says nothing at all while silent', () => {
    const b = bench();
    b.pad.setSilent(true);
    b.command('S');
    expect(b.heard).toEqual([]);
    b.pad.setSilent(false);
    b.command('S');
    expect(b.answers()).toHaveLength(1);
  });

  it('wants a double-length master key', () => {
    expect(() => bench().pad.injectMasterKey(new Uint8Array(8))).toThrow(RangeError);
  });
});
