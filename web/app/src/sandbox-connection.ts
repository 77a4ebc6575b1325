import { API, type ClientMessage, type Notice, type ServerMessage, type SessionState, type TimelineEntry } from '../../shared/sandbox-api.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface NoticeItem extends Notice {
  readonly id: number;
}

export interface SandboxView {
  readonly status: ConnectionStatus;
  readonly state: SessionState | null;
  /** The latest timeline entries; `timelineStart` counts the older ones not kept. */
  readonly timeline: readonly TimelineEntry[];
  readonly timelineStart: number;
  readonly notices: readonly NoticeItem[];
}

/** Waits between reconnection attempts: quick at first, then every few seconds. */
const RETRY_MS = [250, 500, 1_000, 2_000, 4_000];
const INFO_NOTICE_MS = 6_000;
const MAX_NOTICES = 5;
const KEPT_ENTRIES = 3_000;

/**
 * The page's end of the session's websocket. It keeps the latest state, the timeline and the
 * notices in one immutable view for React, reconnects on its own when the socket drops (the
 * session keeps running on the server meanwhile) and refuses to send while disconnected.
 */
export class SandboxConnection {
  private view: SandboxView = { status: 'connecting', state: null, timeline: [], timelineStart: 0, notices: [] };
  private readonly listeners = new Set<() => void>();
  private socket: WebSocket | undefined;
  private attempts = 0;
  private dropped = false;
  private disposed = false;
  private retryTimer: number | undefined;
  private nextNoticeId = 1;

  constructor(
    private readonly sessionId: string,
    private readonly socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${API.socket}`,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SandboxView => this.view;

  connect(): void {
    this.disposed = false;
    const socket = new WebSocket(`${this.socketUrl}?session=${encodeURIComponent(this.sessionId)}`);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      this.update({ status: 'open' });
      if (this.dropped) this.notify({ level: 'info', text: 'Reconnected: your terminal kept running meanwhile.' });
      this.dropped = false;
    });
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => this.lost(socket));
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState !== WebSocket.OPEN) {
      this.notify({ level: 'error', text: 'Not connected to the sandbox: reconnecting, try again in a moment.' });
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  dismiss(id: number): void {
    this.update({ notices: this.view.notices.filter((notice) => notice.id !== id) });
  }

  notify(notice: Notice): void {
    const item = { ...notice, id: this.nextNoticeId++ };
    this.update({ notices: [...this.view.notices, item].slice(-MAX_NOTICES) });
    if (notice.level === 'info') window.setTimeout(() => this.dismiss(item.id), INFO_NOTICE_MS);
  }

  dispose(): void {
    this.disposed = true;
    window.clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private lost(socket: WebSocket): void {
    if (this.disposed || socket !== this.socket) return;
    if (!this.dropped) this.notify({ level: 'error', text: 'Connection to the sandbox lost: reconnecting…' });
    this.dropped = true;
    this.update({ status: 'reconnecting' });
    const wait = RETRY_MS[Math.min(this.attempts, RETRY_MS.length - 1)]!;
    this.attempts += 1;
    this.retryTimer = window.setTimeout(() => {
      if (!this.disposed) this.connect();
    }, wait);
  }

  private receive(data: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return this.notify({ level: 'error', text: 'The sandbox sent something unreadable; ignoring it.' });
    }
    switch (message.type) {
      case 'hello':
        return this.update({ state: message.state, timeline: message.timeline, timelineStart: message.start });
      case 'state':
        return this.update({ state: message.state });
      case 'timeline':
        return this.appendTimeline(message.from, message.entries);
      case 'notice':
        return this.notify({ level: message.level, text: message.text });
    }
  }

  private appendTimeline(from: number, entries: readonly TimelineEntry[]): void {
    const { timeline, timelineStart } = this.view;
    const joined = [...timeline.slice(0, Math.max(0, from - timelineStart)), ...entries];
    const dropped = Math.max(0, joined.length - KEPT_ENTRIES);
    this.update({ timeline: joined.slice(dropped), timelineStart: timelineStart + dropped });
  }

  private update(change: Partial<SandboxView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
}
