import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientMessage, FaultInfo, ScenarioInfo, ServerMessage, SessionState } from '../shared/sandbox-api.ts';
import { ManualWall } from './manual-wall.ts';
import { startSandboxServer, type SandboxServer } from './sandbox-server.ts';

let wall: ManualWall;
let server: SandboxServer;

beforeAll(async () => {
  wall = new ManualWall();
  server = await startSandboxServer({ port: 0, distDir: 'web/no-such-dist', scenariosDir: 'scenarios', wall });
});

afterAll(() => server.close());

/** A page's socket: every message it heard, and a way to wait for one while the wall moves on. */
class Page {
  readonly heard: ServerMessage[] = [];
  readonly socket: WebSocket;
  closed = false;

  constructor(session: string) {
    this.socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws?session=${session}`);
    this.socket.on('message', (data) => this.heard.push(JSON.parse(String(data)) as ServerMessage));
    this.socket.on('close', () => (this.closed = true));
    this.socket.on('error', () => (this.closed = true));
  }

  send(message: ClientMessage | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  get state(): SessionState | undefined {
    const last = this.heard.findLast((m) => m.type === 'state' || m.type === 'hello');
    return last && 'state' in last ? last.state : undefined;
  }

  /** Moves the wall in small steps (pausing for socket I/O) until `check` holds. */
  async until(check: (page: Page) => boolean): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (check(this)) return;
      await wall.advance(50);
      await new Promise((resolve) => setTimeout(resolve, 5)); // socket I/O only; the outcome does not depend on it
    }
    throw new Error(`never happened; last messages: ${JSON.stringify(this.heard.slice(-3))}`);
  }

  close(): Promise<void> {
    this.socket.close();
    return this.until((page) => page.closed);
  }
}

const screenOf = (page: Page) => page.state?.screen.lines.join(' | ') ?? '';

describe('the sandbox server', () => {
  it('lists the fault units with their one-line summaries and the playable scenarios', async () => {
    const faults = (await (await fetch(`${server.url}/api/faults`)).json()) as FaultInfo[];
    expect(faults).toContainEqual(expect.objectContaining({ name: 'network.drop', summary: expect.stringMatching(/cable/) }));
    expect(faults.find((f) => f.name === 'network.drop_responses')?.params).toBe('{ count: 1 }');
    expect(faults.find((f) => f.name === 'network.reset_peer')?.params).not.toContain('on_message');
    const scenarios = (await (await fetch(`${server.url}/api/scenarios`)).json()) as ScenarioInfo[];
    expect(scenarios).toContainEqual({ file: 'transactions/chip-sale-approved.yaml', id: 'TXN-001', title: expect.any(String), suite: 'transactions' });
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/sessions/unknown-session/receipts/1.png`)).status).toBe(404);
  });

  it('runs a session per id over a websocket, answers bad messages with a notice, and keeps the session across a reload', async () => {
    const page = new Page('server-test-a');
    await page.until((p) => p.heard[0]?.type === 'hello' && /OPERATOR SIGN IN/.test(screenOf(p)));
    page.send({ type: 'key', key: '0' });
    page.send({ type: 'key', key: '1' });
    await page.until((p) => /OPERATOR NO: 01/.test(screenOf(p)));

    page.send('not json');
    page.send({ type: 'card', action: 'insert', card: 'nobody' });
    page.send(JSON.stringify({ type: 'key', key: 'F13' }));
    await page.until((p) => p.heard.filter((m) => m.type === 'notice').length === 3);
    const notices = page.heard.flatMap((m) => (m.type === 'notice' ? [m.text] : []));
    expect(notices[0]).toMatch(/not JSON/);
    expect(notices[1]).toMatch(/unknown card `nobody`/);
    expect(notices[2]).toMatch(/does not understand/);
    expect(page.closed).toBe(false);
    expect(page.heard.some((m) => m.type === 'timeline' && m.entries.some((e) => e.kind === 'key'))).toBe(true);

    await page.close();
    const reloaded = new Page('server-test-a');
    await reloaded.until((p) => p.heard[0]?.type === 'hello');
    expect(screenOf(reloaded)).toMatch(/OPERATOR NO: 01/);
    const hello = reloaded.heard[0] as Extract<ServerMessage, { type: 'hello' }>;
    expect(hello.timeline.filter((e) => e.kind === 'key')).toHaveLength(2);

    const other = new Page('server-test-b');
    await other.until((p) => p.state?.screen.lines[1] === 'OPERATOR NO: ');
    expect(server.sessions.size).toBe(2);
    await Promise.all([reloaded.close(), other.close()]);
  });

  it('refuses a websocket without a proper session id', async () => {
    const page = new Page('x');
    await page.until((p) => p.closed);
    expect(page.heard).toEqual([]);
  });
});
