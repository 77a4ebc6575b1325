import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import { serveTcp } from './tcp-server.ts';
import { hostFixture, loadWorkingKeys, provisionShop, readAnswer, signInRequest } from './test-support/terminal-messages.ts';

/** Sends one frame and resolves with the first answer frame. */
function exchangeOnce(socket: Socket, body: Uint8Array): Promise<Uint8Array> {
  const decoder = new LengthFrameDecoder();
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      const [frame] = decoder.push(chunk);
      if (frame) resolve(frame);
    });
    socket.write(encodeLengthFrame(body));
  });
}

function connectTo(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('host over TCP', () => {
  it('signs a terminal in over a real socket on an ephemeral port', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const server = await serveTcp(host, { port: 0 });
    expect(server.port).toBeGreaterThan(0);

    const socket = await connectTo(server.port);
    const answer = readAnswer(await exchangeOnce(socket, signInRequest('000001'))).message;
    expect(answer.fields[39]).toBe('00');
    expect(() => loadWorkingKeys(answer.fields[62] as Uint8Array)).not.toThrow();

    // A peer that sends garbage and vanishes does not disturb the next connection.
    const rude = await connectTo(server.port);
    rude.write(Uint8Array.of(0x00, 0x03, 0xde, 0xad, 0xbe));
    rude.destroy();
    const second = await connectTo(server.port);
    expect(readAnswer(await exchangeOnce(second, signInRequest('000002'))).message.fields[39]).toBe('00');

    socket.destroy();
    second.destroy();
    await server.close();
    host.close();
  });

  it('answers requests sent back to back on one connection, in order, and serves others beside it', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const server = await serveTcp(host, { port: 0 });
    const socket = await connectTo(server.port);
    const other = await connectTo(server.port);
    const decoder = new LengthFrameDecoder();
    const stans: unknown[] = [];
    const all = new Promise<void>((resolve) => {
      socket.on('data', (chunk) => {
        for (const frame of decoder.push(chunk)) stans.push(readAnswer(frame).message.fields[11]);
        if (stans.length === 3) resolve();
      });
    });
    const burst = ['000011', '000012', '000013'].map((stan) => encodeLengthFrame(signInRequest(stan)));
    socket.write(Buffer.concat(burst));
    const beside = exchangeOnce(other, signInRequest('000021'));
    await all;
    expect(stans).toEqual(['000011', '000012', '000013']);
    expect(readAnswer(await beside).message.fields[11]).toBe('000021');

    socket.destroy();
    other.destroy();
    await server.close();
    host.close();
  });
});
