import type { WebSocket } from 'ws';
import type { ServerMessage } from '../shared/sandbox-api.ts';
import { parseClientMessage } from './client-message.ts';
import type { WallTime } from './live-clock.ts';
import { SandboxInputError } from './sandbox-input-error.ts';
import type { SessionRegistry } from './session-registry.ts';
import type { SandboxSession } from './session.ts';

const PUSH_MS = 100;
/** A page that (re)connects gets this much of the timeline; a day-long session has far more. */
const HELLO_ENTRIES = 2_000;

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * Keeps one page in step with its session: the whole state whenever it changes, the timeline
 * as appended entries (the latest again after a reset or a reload), and a notice for every
 * action that could not be done. A bad message never closes the socket or stops the session.
 */
class SessionSocket {
  private sentState = '';
  private sentGeneration = -1;
  private sentEntries = 0;
  private inbox: Promise<void> = Promise.resolve();
  private failure: string | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly session: SandboxSession,
  ) {}

  /** Never throws: a session that cannot be read is reported to the page once, not crashed on. */
  push(): void {
    try {
      this.pushChanges();
      this.failure = undefined;
    } catch (error) {
      const text = `the sandbox could not read this session: ${error instanceof Error ? error.message : String(error)}`;
      if (text === this.failure) return;
      this.failure = text;
      console.error(`sandbox session ${this.session.id}:`, error);
      send(this.socket, { type: 'notice', level: 'error', text });
    }
  }

  private pushChanges(): void {
    const { session, socket } = this;
    const timeline = session.timeline;
    if (session.generation !== this.sentGeneration) {
      const state = session.state();
      this.sentGeneration = session.generation;
      this.sentEntries = timeline.length;
      this.sentState = JSON.stringify(state);
      const start = Math.max(0, timeline.length - HELLO_ENTRIES);
      return send(socket, { type: 'hello', state, timeline: timeline.slice(start), start });
    }
    if (timeline.length > this.sentEntries) {
      send(socket, { type: 'timeline', from: this.sentEntries, entries: timeline.slice(this.sentEntries) });
      this.sentEntries = timeline.length;
    }
    const state = session.state();
    const json = JSON.stringify(state);
    if (json === this.sentState) return;
    this.sentState = json;
    send(socket, { type: 'state', state });
  }

  /** Messages are answered in the order they came, one at a time. */
  receive(raw: string): void {
    this.inbox = this.inbox.then(() => this.handle(raw));
  }

  private async handle(raw: string): Promise<void> {
    try {
      const note = await this.session.act(parseClientMessage(raw));
      if (note) send(this.socket, { type: 'notice', level: 'info', text: note });
    } catch (error) {
      if (!(error instanceof SandboxInputError)) console.error(`sandbox session ${this.session.id}:`, error);
      const text = error instanceof SandboxInputError ? error.message : `the sandbox could not do that: ${String(error)}`;
      send(this.socket, { type: 'notice', level: 'error', text });
    }
    this.push();
  }
}

export async function serveSessionSocket(socket: WebSocket, sessionId: string, registry: SessionRegistry, wall: WallTime): Promise<void> {
  let session: SandboxSession;
  try {
    session = await registry.open(sessionId);
  } catch (error) {
    send(socket, { type: 'notice', level: 'error', text: error instanceof Error ? error.message : String(error) });
    socket.close(1013, 'no session');
    return;
  }
  if (socket.readyState !== socket.OPEN) return registry.release(sessionId);
  const link = new SessionSocket(socket, session);
  const stopTimer = wall.every(PUSH_MS, () => link.push());
  const stopListening = session.onChange(() => link.push());
  socket.on('message', (data) => link.receive(String(data)));
  socket.on('close', () => {
    stopTimer();
    stopListening();
    registry.release(sessionId);
  });
  link.push();
}
