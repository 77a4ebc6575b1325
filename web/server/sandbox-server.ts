import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Response } from 'express';
import { WebSocketServer } from 'ws';
import { API, SESSION_ID } from '../shared/sandbox-api.ts';
import { DIST_DIR } from '../vite.config.ts';
import { faultCatalogue } from './fault-requests.ts';
import { realWallTime, type WallTime } from './live-clock.ts';
import { ScenarioShelf } from './scenario-files.ts';
import { SessionRegistry } from './session-registry.ts';
import { serveSessionSocket } from './session-socket.ts';

export interface SandboxServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** The built app; web/dist by default. */
  readonly distDir?: string;
  /** Scenario files the playback panel offers; scenarios/ by default. */
  readonly scenariosDir?: string;
  readonly wall?: WallTime;
  readonly idleMs?: number;
}

export interface SandboxServer {
  readonly url: string;
  readonly sessions: SessionRegistry;
  /** Idempotent. */
  close(): Promise<void>;
}

function png(res: Response, bytes: Uint8Array | undefined, cache: boolean): void {
  if (!bytes) {
    res.status(404).type('text/plain').send('no such receipt');
    return;
  }
  res.type('image/png').set('Cache-Control', cache ? 'private, max-age=3600' : 'no-store').send(Buffer.from(bytes));
}

/**
 * The sandbox's web server: the built React app, a small JSON API (faults, scenarios, receipt
 * images) and one websocket per page at /ws?session=ID, over which the page acts and hears.
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const wall = options.wall ?? realWallTime;
  const shelf = new ScenarioShelf(options.scenariosDir ?? 'scenarios');
  const sessions = new SessionRegistry({ wall, shelf, ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }) });

  const app = express();
  app.disable('x-powered-by');
  app.get(API.faults, (_req, res) => void res.json(faultCatalogue()));
  app.get(API.scenarios, async (_req, res) => void res.json(await shelf.list()));
  app.get('/api/sessions/:id/receipts/:file', async (req, res) => {
    const index = /^(\d+)\.png$/.exec(req.params.file)?.[1];
    const session = await sessions.find(req.params.id);
    png(res, index === undefined ? undefined : session?.receiptPng(Number(index)), true);
  });
  app.get('/api/sessions/:id/paper.png', async (req, res) => {
    const session = await sessions.find(req.params.id);
    png(res, session?.paperPng(), false);
  });
  app.use('/api', (_req, res) => void res.status(404).json({ error: 'no such API route' }));
  app.use(express.static(options.distDir ?? DIST_DIR));

  const server: Server = createServer(app);
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const id = url.searchParams.get('session') ?? '';
    if (url.pathname !== API.socket || !SESSION_ID.test(id)) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => void serveSessionSocket(ws, id, sessions, wall));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${reachable}:${port}`,
    sessions,
    close() {
      closing ??= (async () => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await sessions.close();
      })();
      return closing;
    },
  };
}
