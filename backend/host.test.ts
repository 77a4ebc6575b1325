import { describe, expect, it } from 'vitest';
import { createLinkPair } from '../platform/byte-link.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import { seededRandom } from '../platform/random.ts';
import type { Random } from '../platform/random.ts';
import { settle } from '../platform/settle.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import { unpackMessage } from '../protocol/iso8583/codec.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { Iso8583Error } from '../protocol/iso8583/errors.ts';
import { HostError } from './host-errors.ts';
import {
  cards,
  hostFixture,
  merchantId,
  provisionShop,
  readAnswer,
  saleRequest,
  signIn,
  signInRequest,
  terminalId,
  terminalMasterKey,
} from './test-support/terminal-messages.ts';

/** The terminal's end of a link: writes frames, collects answer frames. */
function terminalEnd(link: ByteLink) {
  const decoder = new LengthFrameDecoder();
  const answers: Uint8Array[] = [];
  link.onData((chunk) => answers.push(...decoder.push(chunk)));
  return { answers, send: (body: Uint8Array) => link.write(encodeLengthFrame(body)) };
}

function unpacks(bytes: Uint8Array): boolean {
  try {
    unpackMessage(cupPos, bytes);
    return true;
  } catch (error) {
    if (error instanceof Iso8583Error) return false;
    throw error;
  }
}

/** A request that cannot unpack: cut short, with junk after it, naming an unknown field, or noise. */
function malformed(random: Random, valid: Uint8Array): Uint8Array {
  switch (random.int(0, 3)) {
    case 0:
      return valid.slice(0, random.int(0, valid.length - 1));
    case 1:
      return Uint8Array.from([...valid, ...random.bytes(random.int(1, 8))]);
    case 2: {
      const bytes = valid.slice();
      bytes[13] = (bytes[13] as number) | 0x08; // bit 5: a field the dialect does not have
      return bytes;
    }
    default:
      return random.bytes(random.int(1, 64));
  }
}

describe('acquirer host over links', () => {
  it('answers malformed frames on one link with 30 or silence while another link is served', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const [hostSideA, terminalSideA] = createLinkPair();
    const [hostSideB, terminalSideB] = createLinkPair();
    host.attach(hostSideA);
    host.attach(hostSideB);
    const noisy = terminalEnd(terminalSideA);
    const good = terminalEnd(terminalSideB);
    const activity = () => noisy.answers.length + good.answers.length;

    const random = seededRandom(20261122);
    const template = signInRequest('000009');
    const frames = Array.from({ length: 20 }, () => malformed(random, template));
    expect(frames.every((frame) => !unpacks(frame))).toBe(true);
    for (const frame of frames) noisy.send(frame);
    good.send(signInRequest('000001'));
    await settle(activity);

    for (const answer of noisy.answers) {
      const { message } = readAnswer(answer);
      expect(['0810', '0210']).toContain(message.mti);
      expect(message.fields[39]).toBe('30');
    }
    expect(noisy.answers.length).toBeGreaterThan(0);
    expect(noisy.answers.length).toBeLessThan(20);

    expect(good.answers).toHaveLength(1);
    expect(readAnswer(good.answers[0]).message.fields[39]).toBe('00');
    expect(hostSideA.up && hostSideB.up).toBe(true);
  });

  it('resets a connection whose declared frame length cannot be trusted, and serves it afterwards', async () => {
    const { host, events } = hostFixture();
    provisionShop(host);
    const [hostSide, terminalSide] = createLinkPair();
    host.attach(hostSide);
    const terminal = terminalEnd(terminalSide);

    terminalSide.write(Uint8Array.of(0xff, 0xff, 0x01, 0x02));
    await settle(() => terminal.answers.length);
    terminal.send(signInRequest('000001'));
    await settle(() => terminal.answers.length);

    expect(events.some((event) => event.kind === 'frame-error')).toBe(true);
    expect(terminal.answers).toHaveLength(1);
    expect(readAnswer(terminal.answers[0]).message.fields[39]).toBe('00');
  });

  it('serves a whole sale across chunks split at odd places', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const keys = signIn(host);
    const [hostSide, terminalSide] = createLinkPair();
    host.attach(hostSide);
    const terminal = terminalEnd(terminalSide);

    const frame = encodeLengthFrame(saleRequest({ stan: '000002', amountMinor: 500, card: cards.debit, pin: cards.debit.pin }, keys));
    for (let at = 0; at < frame.length; at += 7) terminalSide.write(frame.subarray(at, at + 7));
    await settle(() => terminal.answers.length);

    expect(terminal.answers).toHaveLength(1);
    expect(readAnswer(terminal.answers[0]).message.fields[39]).toBe('00');
    expect(host.queries.balance(cards.debit.pan)).toBe(499_500);
  });

  it('stops answering a detached link and after close', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const [hostSide, terminalSide] = createLinkPair();
    const detach = host.attach(hostSide);
    const terminal = terminalEnd(terminalSide);
    detach();
    terminal.send(signInRequest('000001'));
    await settle(() => terminal.answers.length);
    expect(terminal.answers).toHaveLength(0);

    host.close();
    host.close();
    expect(host.handle(signInRequest('000002'))).toBeUndefined();
  });

  it('answers 12 to a request type it does not handle yet, and nothing to a response', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const administrative = signInRequest('000001');
    administrative.set([0x06, 0x00], 11);
    const answer = readAnswer(host.handle(administrative)).message;
    expect(answer).toMatchObject({ mti: '0610', fields: { 11: '000001', 41: terminalId, 39: '12' } });

    const response = signInRequest('000001');
    response.set([0x08, 0x10], 11);
    expect(host.handle(response)).toBeUndefined();
  });
});

describe('provisioning', () => {
  it('refuses bad input by field name, without echoing card data', () => {
    const { host } = hostFixture();
    provisionShop(host);
    const attempt = () => host.provision.card({ pan: '62220212345', expiry: '2813', pin: '12', balanceMinor: -1 });
    expect(attempt).toThrow(HostError);
    try {
      attempt();
    } catch (error) {
      expect((error as HostError).code).toBe('HOST_INVALID');
      expect((error as HostError).message).toMatch(/pan.*expiry.*pin.*balanceMinor/);
      expect((error as HostError).message).not.toContain('62220212345');
    }
  });

  it('refuses duplicates and terminals of unknown merchants', () => {
    const { host } = hostFixture();
    provisionShop(host);
    expect(() => host.provision.card(cards.debit)).toThrow(expect.objectContaining({ code: 'HOST_DUPLICATE' }));
    expect(() => host.provision.terminal({ terminalId: 'T0000002', merchantId: '000000000000000', masterKey: terminalMasterKey })).toThrow(
      expect.objectContaining({ code: 'HOST_UNKNOWN' }),
    );
    expect(() => host.provision.merchant({ id: merchantId, name: 'Again', mcc: '5812', region: 'shanghai' })).toThrow(
      expect.objectContaining({ code: 'HOST_DUPLICATE' }),
    );
  });

  it('reports balances by PAN and refuses an unknown card', () => {
    const { host } = hostFixture();
    provisionShop(host);
    expect(host.queries.balance(cards.credit.pan)).toBe(100_000);
    expect(() => host.queries.balance('6222020000000000000')).toThrow(expect.objectContaining({ code: 'HOST_UNKNOWN' }));
    expect(host.queries.terminal('T9999999')).toBeUndefined();
  });
});
