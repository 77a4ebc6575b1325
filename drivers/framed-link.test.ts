import { describe, it, expect, beforeEach } from 'vitest';
import { VirtualClock } from '../platform/clock.ts';
import { DeadlineError, LinkDownError } from '../platform/errors.ts';
import { ACK, NAK, StxFrameDecoder, encodeStxFrame } from '../protocol/framing/stx-etx.ts';
import { runUntilSettled } from '../simulator/serial/run-until.ts';
import { attachDevice, openDevicePort, resetWire } from '../simulator/serial/wire.ts';
import { FramedLink, FramedLinkError } from './framed-link.ts';

/** A scripted far end: sees decoded items, answers with raw bytes chosen by the test. */
function scriptedDevice(script: (item: ReturnType<StxFrameDecoder['push']>[number], reply: (bytes: number[]) => void) => void) {
  const decoder = new StxFrameDecoder();
  const received: string[] = [];
  let send: (bytes: Uint8Array) => void = () => {};
  return {
    received,
    device: {
      connect: (sender: (bytes: Uint8Array) => void) => (send = sender),
      receive: (bytes: Uint8Array) => {
        for (const item of decoder.push(bytes)) {
          received.push(item.kind === 'frame' ? `frame:${Buffer.from(item.payload).toString('latin1')}` : item.kind);
          script(item, (reply) => send(Uint8Array.from(reply)));
        }
      },
    },
    say: (bytes: Uint8Array) => send(bytes),
  };
}

const frame = (text: string): number[] => [...encodeStxFrame(Uint8Array.from(Buffer.from(text, 'latin1')))];
const text = (payload: Uint8Array): string => Buffer.from(payload).toString('latin1');

let line = 0;

async function linkTo(device: Parameters<typeof attachDevice>[1]) {
  const clock = new VirtualClock(0);
  const path = `/dev/framed-link-test-${++line}`;
  attachDevice(path, device);
  const port = await openDevicePort(path);
  return { clock, port, link: new FramedLink(port, clock, { device: 'test device' }) };
}

describe('framed link (terminal side)', () => {
  beforeEach(() => resetWire());

  it('sends, waits for the ACK, returns the matching answer and ACKs it', async () => {
    const far = scriptedDevice((item, reply) => {
      if (item.kind === 'frame') reply([ACK, ...frame('S\x00OK')]);
    });
    const { clock, link } = await linkTo(far.device);
    expect(text(await runUntilSettled(clock, link.request(Uint8Array.from([0x53]), 1000)))).toBe('S\x00OK');
    expect(far.received).toEqual(['frame:S', 'ack']);
  });

  it('takes an answer that overtakes a lost ACK as the acknowledgement', async () => {
    const far = scriptedDevice((item, reply) => {
      if (item.kind === 'frame') reply(frame('S\x00'));
    });
    const { clock, link } = await linkTo(far.device);
    expect(text(await runUntilSettled(clock, link.request(Uint8Array.from([0x53]), 1000)))).toBe('S\x00');
    expect(clock.now()).toBe(0);
  });

  it('gives up after three resends of a NAKed frame', async () => {
    const far = scriptedDevice((item, reply) => {
      if (item.kind === 'frame') reply([NAK]);
    });
    const { clock, link } = await linkTo(far.device);
    await expect(runUntilSettled(clock, link.request(Uint8Array.from([0x53]), 1000))).rejects.toBeInstanceOf(FramedLinkError);
    expect(far.received).toEqual(['frame:S', 'frame:S', 'frame:S', 'frame:S']);
  });

  it('times out an acknowledged request that is never answered', async () => {
    const far = scriptedDevice((item, reply) => {
      if (item.kind === 'frame') reply([ACK]);
    });
    const { clock, link } = await linkTo(far.device);
    await expect(runUntilSettled(clock, link.request(Uint8Array.from([0x50]), 7000))).rejects.toBeInstanceOf(DeadlineError);
    expect(clock.now()).toBe(7000);
  });

  it('NAKs a bad frame, ACKs a good one and hands unsolicited frames to listeners', async () => {
    const far = scriptedDevice(() => {});
    const { link } = await linkTo(far.device);
    const heard: string[] = [];
    link.onUnsolicited((payload) => heard.push(text(payload)));
    const bad = frame('EB');
    bad[bad.length - 1]! ^= 0xff;
    far.say(Uint8Array.from([...bad, ...frame('ER')]));
    await runUntilSettled(new VirtualClock(0), Promise.resolve());
    expect(far.received).toEqual(['nak', 'ack']);
    expect(heard).toEqual(['ER']);
  });

  it('queues requests and answers each in turn', async () => {
    const far = scriptedDevice((item, reply) => {
      if (item.kind === 'frame') reply([ACK, ...frame(`${text(item.payload)}!`)]);
    });
    const { clock, link } = await linkTo(far.device);
    const answers = Promise.all(['A1', 'B2', 'C3'].map((request) => link.request(Uint8Array.from(Buffer.from(request)), 1000)));
    expect((await runUntilSettled(clock, answers)).map(text)).toEqual(['A1!', 'B2!', 'C3!']);
  });

  it('fails the pending request when the port closes', async () => {
    const far = scriptedDevice(() => {});
    const { clock, link, port } = await linkTo(far.device);
    const pending = link.request(Uint8Array.from([0x53]), 1000);
    port.close();
    await expect(runUntilSettled(clock, pending)).rejects.toBeInstanceOf(LinkDownError);
  });
});
