import { connect, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scratchDatabases } from './test-support/scratch-databases.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import type { AcquirerHost } from './host.ts';
import { openHostStore, sqliteDatabaseOf } from './store/sqlite-host-store.ts';
import { serveTcp } from './tcp-server.ts';
import {
  cards,
  hostFixture,
  loadWorkingKeys,
  provisionShop,
  readAnswer,
  saleRequest,
  signIn,
  signInRequest,
} from './test-support/terminal-messages.ts';

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

/** Sends `bodies` in one write and resolves with the answers, or with what came before the host closed the connection. */
function burst(socket: Socket, bodies: Uint8Array[]): Promise<{ answers: Uint8Array[]; closed: boolean }> {
  const decoder = new LengthFrameDecoder();
  const answers: Uint8Array[] = [];
  return new Promise((resolve) => {
    socket.on('data', (chunk) => {
      answers.push(...decoder.push(chunk));
      if (answers.length === bodies.length) resolve({ answers, closed: false });
    });
    socket.once('close', () => resolve({ answers, closed: true }));
    socket.write(Buffer.concat(bodies.map((body) => encodeLengthFrame(body))));
  });
}

const scratchFile = scratchDatabases('tcp');

afterEach(() => {
  vi.restoreAllMocks();
});

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

  it('handles the requests of one loop turn under one commit, and sends none of their answers before it is durable', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const keys = signIn(host);
    const committed = vi.fn();
    const observed: AcquirerHost = {
      ...host,
      commitGroup: (work, onDurable) =>
        host.commitGroup(work, (error) => {
          committed();
          onDurable?.(error);
        }),
    };
    const server = await serveTcp(observed, { port: 0 });
    // What leaves the server's sockets for the kernel; a corked socket hands its buffer over on uncork.
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
    const sent = [vi.spyOn(proto, '_write'), vi.spyOn(proto, '_writev')];
    const socket = await connectTo(server.port);

    const sales = ['000002', '000003', '000004'].map((stan, i) =>
      saleRequest({ stan, amountMinor: 1_000 * (i + 1), card: cards.debit, pin: cards.debit.pin }, keys),
    );
    const { answers } = await burst(socket, sales);
    expect(answers.map((answer) => readAnswer(answer).message.fields[39])).toEqual(['00', '00', '00']);
    expect(committed).toHaveBeenCalledTimes(1);
    const commitOrder = committed.mock.invocationCallOrder[0]!;
    const answerWrites = sent.flatMap((spy) =>
      spy.mock.invocationCallOrder.filter((_, i) => (spy.mock.contexts[i] as Socket).localPort === server.port),
    );
    expect(answerWrites.length).toBeGreaterThan(0);
    for (const order of answerWrites) expect(order).toBeGreaterThan(commitOrder);

    socket.destroy();
    await server.close();
    host.close();
  });

  it('books the reads of one loop turn in groups of at most 8, first come first booked', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const keys = signIn(host);
    const amountOf = (bytes: Uint8Array) => Number(readAnswer(bytes.subarray(2)).message.fields[4]);
    const groups: number[][] = [];
    let group: number[] = [];
    let attached = 0;
    // Which sale (by amount) each read carried, in the order the groups hand reads to the host.
    const observed: AcquirerHost = {
      ...host,
      attach: (link) => {
        attached++;
        return host.attach({
          get up() {
            return link.up;
          },
          write: (bytes) => link.write(bytes),
          onData: (listener) =>
            link.onData((bytes) => {
              group.push(amountOf(bytes));
              listener(bytes);
            }),
          onStatus: (listener) => link.onStatus(listener),
          close: () => link.close(),
        });
      },
      commitGroup: (work, onDurable) => {
        group = [];
        const result = host.commitGroup(work, onDurable);
        groups.push(group);
        return result;
      },
    };
    const server = await serveTcp(observed, { port: 0 });
    const sockets = await Promise.all(Array.from({ length: 12 }, () => connectTo(server.port)));
    await vi.waitFor(() => expect(attached).toBe(12));
    // All twelve are written before the server's loop runs again, and the loop is held a moment so
    // that the kernel has delivered them all, even on a busy machine: its next poll reads them in one turn.
    const answered = sockets.map((socket, i) =>
      exchangeOnce(socket, saleRequest({ stan: String(100 + i).padStart(6, '0'), amountMinor: i + 1, card: cards.debit, pin: cards.debit.pin }, keys)),
    );
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    const answers = await Promise.all(answered);

    expect(answers.map((answer) => readAnswer(answer).message.fields[39])).toEqual(Array(12).fill('00'));
    expect(groups.map((g) => g.length)).toEqual([8, 4]);
    expect(groups.flat()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    for (const socket of sockets) socket.destroy();
    await server.close();
    host.close();
  });

  it('undoes only the request that fails inside a group: a repeated STAN is refused, its neighbours booked', async () => {
    const store = openHostStore({ file: scratchFile() });
    const { host } = hostFixture({ store });
    provisionShop(host);
    const keys = signIn(host);
    const server = await serveTcp(host, { port: 0 });
    const socket = await connectTo(server.port);

    const sale = (stan: string, amountMinor: number) => saleRequest({ stan, amountMinor, card: cards.debit, pin: cards.debit.pin }, keys);
    const { answers } = await burst(socket, [sale('000002', 1_000), sale('000002', 7_000), sale('000003', 2_000)]);
    expect(answers.map((answer) => readAnswer(answer).message.fields[39])).toEqual(['00', '94', '00']);
    expect(host.queries.journal().map((row) => [row.stan, row.status])).toEqual([
      ['000002', 'approved'],
      ['000003', 'approved'],
    ]);
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 3_000);

    socket.destroy();
    await server.close();
    host.close();
    store.close();
  });

  it('holds the answers of each group until the store has it on disk, and lets groups leave in the order they were handled', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const keys = signIn(host);
    const held: Array<() => void> = [];
    const holding: AcquirerHost = {
      ...host,
      commitGroup: (work, onDurable) => host.commitGroup(work, (error) => held.push(() => onDurable?.(error))),
    };
    const server = await serveTcp(holding, { port: 0 });
    const first = await connectTo(server.port);
    const second = await connectTo(server.port);
    const sale = (stan: string) => saleRequest({ stan, amountMinor: 1_000, card: cards.debit, pin: cards.debit.pin }, keys);

    const received = vi.fn();
    first.on('data', received);
    second.on('data', received);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

    const firstAnswer = burst(first, [sale('000002')]);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const secondAnswer = burst(second, [sale('000003')]);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    await settle();
    expect(received).not.toHaveBeenCalled();
    // The second group is on disk, but it may have spent what the first booked: it waits for the first.
    held[1]!();
    await settle();
    expect(received).not.toHaveBeenCalled();
    held[0]!();
    const answers = await Promise.all([firstAnswer, secondAnswer]);
    expect(answers.map(({ answers: [answer] }) => readAnswer(answer).message.fields[11])).toEqual(['000002', '000003']);

    first.destroy();
    second.destroy();
    await server.close();
    host.close();
  });

  it('closes the connections of a group the disk could not take, unanswered', async () => {
    const { host } = hostFixture();
    provisionShop(host);
    const keys = signIn(host);
    const failing: AcquirerHost = {
      ...host,
      commitGroup: (work, onDurable) => host.commitGroup(work, () => onDurable?.(Object.assign(new Error('i/o error'), { code: 'EIO' }))),
    };
    const server = await serveTcp(failing, { port: 0 });
    const socket = await connectTo(server.port);
    const lost = await burst(socket, [saleRequest({ stan: '000002', amountMinor: 1_000, card: cards.debit, pin: cards.debit.pin }, keys)]);
    expect(lost).toEqual({ answers: [], closed: true });

    await server.close();
    host.close();
  });

  it('closes the connections of a group whose commit fails, unanswered, and books none of it', async () => {
    const store = openHostStore();
    const { host, events } = hostFixture({ store });
    provisionShop(host);
    const keys = signIn(host);
    const db = sqliteDatabaseOf(store)!;
    let failNext = true;
    // A terminal of no merchant, its foreign key checked only at COMMIT: the group's requests are
    // handled and answered, then its commit fails.
    const failing: AcquirerHost = {
      ...host,
      commitGroup: (work, onDurable) =>
        host.commitGroup(() => {
          const result = work();
          if (failNext) {
            failNext = false;
            db.pragma('defer_foreign_keys = ON');
            store.addTerminal({ terminalId: 'T0000099', merchantId: 'none', tmkWrapped: new Uint8Array(16), batch: '000001' });
          }
          return result;
        }, onDurable),
    };
    const server = await serveTcp(failing, { port: 0 });
    const sale = saleRequest({ stan: '000002', amountMinor: 1_000, card: cards.debit, pin: cards.debit.pin }, keys);

    const first = await connectTo(server.port);
    const beside = await connectTo(server.port);
    const [lost, lostBeside] = await Promise.all([burst(first, [sale]), burst(beside, [signInRequest('000009')])]);
    expect(lost).toEqual({ answers: [], closed: true });
    expect(lostBeside).toEqual({ answers: [], closed: true });
    expect(events).toContainEqual({ source: 'host', kind: 'error', detail: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY', during: 'commit-group' } });
    expect(host.queries.journal()).toEqual([]);
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor);
    expect(store.terminal('T0000099')).toBeUndefined();

    // Nothing of the group was kept, so the same sale on a new connection is new to the host.
    const again = await connectTo(server.port);
    const { answers } = await burst(again, [sale]);
    expect(readAnswer(answers[0]).message.fields[39]).toBe('00');
    expect(host.queries.journal()).toHaveLength(1);

    again.destroy();
    await server.close();
    host.close();
    store.close();
  });
});
