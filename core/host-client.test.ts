import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../platform/clock.ts';
import { settle } from '../platform/settle.ts';
import { createLinkPair, Listeners, type ByteLink } from '../platform/byte-link.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { packMessage, unpackMessage } from '../protocol/iso8583/codec.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import type { IsoMessage } from '../protocol/iso8583/types.ts';
import { HostClient } from './host-client.ts';

/** A scripted host on the other end of a link pair: answers each request with what `answer` makes of it. */
function scriptedHost(answer: (request: IsoMessage) => IsoMessage[]) {
  const clock = new VirtualClock(0);
  const [terminal, host] = createLinkPair();
  const decoder = new LengthFrameDecoder();
  const seen: string[] = [];
  host.onData((chunk) => {
    for (const frame of decoder.push(chunk)) {
      const { message } = unpackMessage(cupPos, frame);
      seen.push(message.mti);
      for (const reply of answer(message)) host.write(encodeLengthFrame(packMessage(cupPos, reply)));
    }
  });
  return { client: new HostClient(terminal, clock, cupPos), clock, seen };
}

const request = (mti: string, stan = '000007'): IsoMessage => ({ mti, fields: { 11: stan, 41: '10000001', 42: '898310048160001' } });
const reply = (mti: string, stan = '000007'): IsoMessage => ({ mti, fields: { 11: stan, 39: '00', 41: '10000001' } });

describe('HostClient', () => {
  it('takes the answer of the request class: 0220 is answered by 0230, a repeat 0401 by 0410', async () => {
    const { client } = scriptedHost((r) => [reply(r.mti === '0220' ? '0230' : '0410')]);
    expect(await client.exchange(request('0220'), { timeoutMs: 1000 })).toMatchObject({ kind: 'answered', response: { mti: '0230' } });
    expect(await client.exchange(request('0401'), { timeoutMs: 1000 })).toMatchObject({ kind: 'answered', response: { mti: '0410' } });
  });

  it('never takes a late sale answer (0210) for the answer to its reversal (0400) under the same STAN', async () => {
    const { client, clock } = scriptedHost(() => [reply('0210')]);
    const pending = client.exchange(request('0400'), { timeoutMs: 1000 });
    await settle(() => 0);
    clock.advanceTo(1000);
    expect(await pending).toEqual({ kind: 'no-answer' });
  });

  it('forgets half a frame when the link drops, so the next connection starts in step', async () => {
    const data = new Listeners<Uint8Array>();
    const status = new Listeners<boolean>();
    const written: Uint8Array[] = [];
    const link: ByteLink = {
      up: true,
      write: (bytes) => void written.push(bytes),
      onData: (listener) => data.add(listener),
      onStatus: (listener) => status.add(listener),
      close: () => {},
    };
    const clock = new VirtualClock(0);
    const client = new HostClient(link, clock, cupPos);
    const answer = encodeLengthFrame(packMessage(cupPos, reply('0210')));
    data.emit(answer.subarray(0, 5));
    status.emit(false);
    status.emit(true);
    const pending = client.exchange(request('0200'), { timeoutMs: 1000 });
    await settle(() => written.length);
    data.emit(answer);
    await settle(() => 0);
    clock.advanceTo(2000);
    expect(await pending).toMatchObject({ kind: 'answered', response: { mti: '0210' } });
  });

  it('gives up on the answer the moment the link drops under the request, and can wait for the link to send the next', async () => {
    const status = new Listeners<boolean>();
    const written: Uint8Array[] = [];
    const link = { up: true, write: (bytes: Uint8Array) => void written.push(bytes), onData: () => () => {}, onStatus: (l: (up: boolean) => void) => status.add(l), close: () => {} };
    const clock = new VirtualClock(0);
    const client = new HostClient(link, clock, cupPos);
    const pending = client.exchange(request('0200'), { timeoutMs: 60_000 });
    await settle(() => written.length);
    link.up = false;
    status.emit(false);
    expect(await pending).toEqual({ kind: 'no-answer' });
    expect(clock.now()).toBe(0);

    expect(await client.exchange(request('0400'), { timeoutMs: 60_000 })).toEqual({ kind: 'link-down' });
    const reversal = client.exchange(request('0400'), { timeoutMs: 60_000, awaitLinkMs: 60_000 });
    clock.advanceTo(20_000);
    link.up = true;
    status.emit(true);
    await settle(() => written.length);
    expect(written).toHaveLength(2);
    link.up = false;
    status.emit(false);
    expect(await reversal).toEqual({ kind: 'no-answer' });
  });

  it('drops answers to another STAN and times out on the injected clock', async () => {
    const { client, clock } = scriptedHost(() => [reply('0210', '000008')]);
    const pending = client.exchange(request('0200'), { timeoutMs: 5000 });
    await settle(() => 0);
    clock.advanceTo(5000);
    expect(await pending).toEqual({ kind: 'no-answer' });
  });

  it('reports an answer whose MAC cannot be checked as a failed MAC, never hangs', async () => {
    const { client } = scriptedHost(() => [{ ...reply('0210'), fields: { ...reply('0210').fields, 64: new Uint8Array(8) } }]);
    let calls = 0;
    const mac = () => (++calls === 1 ? Promise.resolve(new Uint8Array(8)) : Promise.reject(new Error('pad gone')));
    expect(await client.exchange(request('0200'), { timeoutMs: 1000, mac })).toMatchObject({ kind: 'answered', macValid: false });
  });

  it('sends nothing when the PIN pad cannot MAC the request', async () => {
    const { client, seen } = scriptedHost(() => []);
    const result = await client.exchange(request('0200'), { timeoutMs: 1000, mac: () => Promise.reject(new Error('no key')) });
    expect(result).toEqual({ kind: 'mac-unavailable' });
    expect(seen).toEqual([]);
  });
});
