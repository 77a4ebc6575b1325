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
 * One turn of the event loop is the unit of commit and of sending. What the sockets delivered
 * during the loop's I/O poll is handled in its check phase (setImmediate, which runs right after
 * the poll, not after any delay), all of it inside one commit group of the host's store: a file
 * store then syncs to disk once per turn instead of once per request. Answers go to sockets
 * corked until that commit has succeeded, so an approval is on disk before its answer leaves.
 * If the commit fails, nothing the group booked exists: the connections that sent its requests
 * are closed unanswered, and their terminals reverse as for any lost answer.
 *
 * Handling in the check phase rather than as bytes arrive keeps the group's transaction open
 * only inside one synchronous call, so no other writer of the store (the admin API, a timer)
 * can slip into it and act on a booking not yet committed. Answers leave when they did before
 * — once per turn, in one write per connection, never reordered on a connection. An answer a
 * slow issuer delays is written by a timer in a later turn, long after its commit.
 */
class LoopTurn {
  private arrived: Array<{ reader: Reader; chunk: Buffer }> = [];
  private readonly corked = new Set<Socket>();
  private scheduled = false;

  constructor(private readonly host: AcquirerHost) {}

  receive(reader: Reader, chunk: Buffer): void {
    this.arrived.push({ reader, chunk });
    this.schedule();
  }

  write(socket: Socket, bytes: Uint8Array): void {
    if (!this.corked.has(socket)) {
      socket.cork();
      this.corked.add(socket);
      this.schedule();
    }
    socket.write(bytes);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    const arrived = this.arrived;
    this.arrived = [];
    if (arrived.length > 0) this.handle(arrived);
    for (const socket of this.corked) socket.uncork();
    this.corked.clear();
    this.scheduled = false;
  };

  private handle(arrived: ReadonlyArray<{ reader: Reader; chunk: Buffer }>): void {
    try {
      this.host.commitGroup(() => {
        // A request whose answer can no longer leave is not booked.
        for (const { reader, chunk } of arrived) {
          if (reader.active && reader.socket.writable) reader.listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        }
      });
    } catch {
      // The host reported it; destroying a corked socket discards what was written to it.
      for (const { reader } of arrived) reader.socket.destroy();
    }
  }
}
