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
  const writes = new WriteBatch();
  const server = createServer((socket) => {
    sockets.add(socket);
    const link = new SocketLink(socket, writes);
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
    private readonly writes: WriteBatch,
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
    this.writes.write(this.socket, bytes);
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    const relay = (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    this.socket.on('data', relay);
    return () => this.socket.off('data', relay);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    return this.status.add(listener);
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * Answers leave together once the event loop has read every socket that was ready: each
 * socket written to is corked until the loop's check phase (setImmediate, which runs right
 * after the I/O poll, not after any delay), then uncorked. A burst of answers wakes the
 * terminals' side once instead of once per answer, and answers to one connection go out in
 * one write. Answers are only ever written after their booking committed; this changes when
 * they leave within the same turn of the loop, never their order on a connection.
 */
class WriteBatch {
  private readonly corked = new Set<Socket>();

  write(socket: Socket, bytes: Uint8Array): void {
    if (!this.corked.has(socket)) {
      socket.cork();
      this.corked.add(socket);
      if (this.corked.size === 1) setImmediate(this.flush);
    }
    socket.write(bytes);
  }

  private readonly flush = (): void => {
    for (const socket of this.corked) socket.uncork();
    this.corked.clear();
  };
}
