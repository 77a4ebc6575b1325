import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { Listeners } from '../platform/byte-link.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import { LinkDownError } from '../platform/errors.ts';
import type { AcquirerHost } from './host.ts';

export interface TcpServeOptions {
  /** 0 picks a free port; the chosen one is in the result. */
  readonly port: number;
  readonly hostname?: string;
}

export interface TcpHostServer {
  readonly port: number;
  /** Stops accepting, drops every open connection and resolves when the server has closed. */
  close(): Promise<void>;
}

/**
 * The host on a real TCP port, for the sandbox and for terminals outside the harness. This is
 * the one place in backend/ that touches a socket: each connection becomes a ByteLink and is
 * served exactly like an in-memory link. It runs in real time; give the host a WallClock.
 */
export function serveTcp(host: AcquirerHost, options: TcpServeOptions): Promise<TcpHostServer> {
  const sockets = new Set<Socket>();
  const turn = new LoopTurn(host);
  const server = createServer((socket) => {
    sockets.add(socket);
    const link = new SocketLink(socket, turn);
    const detach = host.attach(link);
    socket.once('close', () => {
      sockets.delete(socket);
      detach();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A connected socket as a ByteLink: up until either side closes it. */
class SocketLink implements ByteLink {
  private open = true;
  private readonly status = new Listeners<boolean>();

  constructor(
    private readonly socket: Socket,
    private readonly turn: LoopTurn,
  ) {
    socket.setNoDelay(true);
    // A reset by the peer surfaces as 'error' then 'close'; the close is what matters here.
    socket.on('error', () => {});
    socket.once('close', () => {
      this.open = false;
      this.status.emit(false);
    });
  }

  get up(): boolean {
    return this.open && this.socket.writable;
  }

  write(bytes: Uint8Array): void {
    if (!this.up) throw new LinkDownError();
    this.turn.write(this.socket, bytes);
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    const reader: Reader = { socket: this.socket, listener, active: true };
    const relay = (chunk: Buffer) => this.turn.receive(reader, chunk);
    this.socket.on('data', relay);
    return () => {
      reader.active = false;
      this.socket.off('data', relay);
    };
  }

  onStatus(listener: (up: boolean) => void): () => void {
    return this.status.add(listener);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Who takes a connection's bytes; no longer `active` once it stopped listening. */
interface Reader {
  readonly socket: Socket;
  readonly listener: (bytes: Uint8Array) => void;
  active: boolean;
}

/**
 * The answers written while one group was handled, or written by timers between two groups
 * (answers a slow issuer delayed, booked by a group before them).
 */
interface Epoch {
  readonly answers: Array<{ readonly socket: Socket; readonly bytes: Uint8Array }>;
  /** The connections whose requests the group handled: closed if the group is lost. */
  readonly senders: Set<Socket>;
  state: 'pending' | 'durable' | 'lost';
}

/**
 * One turn of the event loop is the unit of commit. What the sockets delivered during the loop's
 * I/O poll is handled in its check phase (setImmediate, which runs right after the poll, not
 * after any delay), all of it inside one commit group of the host's store: a file store then
 * syncs to disk once per turn, not once per request, and on the thread pool, not on the event
 * loop. The group's answers wait until the store reports it on disk, so an approval is durable
 * before its answer leaves; groups leave in the order they were handled, because a later one
 * may have acted on what an earlier one booked. If a group is lost (its commit or the disk
 * sync failed), the connections that sent its requests are closed unanswered and their
 * terminals reverse as for any lost answer. An in-memory store reports a group durable as it
 * commits, so its answers leave in the same check phase.
 *
 * Handling in the check phase rather than as bytes arrive keeps the group's transaction open
 * only inside one synchronous call, so no other writer of the store (the admin API, a timer)
 * can slip into it. Answers that leave together are corked per socket: one write per connection
 * for a burst, never reordered on a connection. An answer a slow issuer delays is written by a
 * timer later; it waits behind the groups before it, whose commit includes its booking.
 */
/**
 * Chunks read at most per commit group. A group's answers leave together, so after a stall
 * (a collection, a busy machine) one group for the whole backlog would hold the first answer
 * back until the last request was booked; smaller groups let answers out as they are ready,
 * and a file store's syncs still cover several groups at once.
 */
const GROUP_LIMIT = 8;

class LoopTurn {
  private arrived: Array<{ reader: Reader; chunk: Buffer }> = [];
  private scheduled = false;
  /** Answers in the order they were written, grouped by epoch; the head leaves once settled. */
  private readonly epochs: Epoch[] = [];
  private current: Epoch | undefined;

  constructor(private readonly host: AcquirerHost) {}

  receive(reader: Reader, chunk: Buffer): void {
    this.arrived.push({ reader, chunk });
    this.schedule();
  }

  write(socket: Socket, bytes: Uint8Array): void {
    if (this.current === undefined) {
      this.current = this.open();
      this.schedule();
    }
    this.current.answers.push({ socket, bytes });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    // Written by timers since the last turn: durable once the groups before them are.
    if (this.current) this.current.state = 'durable';
    this.current = undefined;
    const arrived = this.arrived;
    this.arrived = [];
    for (let from = 0; from < arrived.length; from += GROUP_LIMIT) this.handle(arrived.slice(from, from + GROUP_LIMIT));
    this.release();
  };

  private handle(arrived: ReadonlyArray<{ reader: Reader; chunk: Buffer }>): void {
    const group = (this.current = this.open());
    try {
      this.host.commitGroup(
        () => {
          // A request whose answer can no longer leave is not booked.
          for (const { reader, chunk } of arrived) {
            if (!reader.active || !reader.socket.writable) continue;
            group.senders.add(reader.socket);
            reader.listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          }
        },
        (error) => {
          group.state = error ? 'lost' : 'durable';
          this.release();
        },
      );
    } catch {
      // The host reported it.
      group.state = 'lost';
    } finally {
      this.current = undefined;
    }
  }

  private open(): Epoch {
    const epoch: Epoch = { answers: [], senders: new Set(), state: 'pending' };
    this.epochs.push(epoch);
    return epoch;
  }

  /** Sends every settled epoch at the head of the queue, in order, one write per connection. */
  private release(): void {
    const corked = new Set<Socket>();
    while (this.epochs.length > 0 && this.epochs[0]!.state !== 'pending') {
      const epoch = this.epochs.shift()!;
      if (epoch.state === 'lost') {
        for (const socket of epoch.senders) socket.destroy();
        continue;
      }
      for (const { socket, bytes } of epoch.answers) {
        if (!socket.writable) continue;
        if (!corked.has(socket)) {
          socket.cork();
          corked.add(socket);
        }
        socket.write(bytes);
      }
    }
    for (const socket of corked) socket.uncork();
  }
}
