import type { WallTime } from './live-clock.ts';
import { SandboxInputError } from './sandbox-input-error.ts';
import type { ScenarioShelf } from './scenario-files.ts';
import { SandboxSession } from './session.ts';

export interface RegistryOptions {
  readonly wall: WallTime;
  readonly shelf: ScenarioShelf;
  /** A session nobody has looked at for this long is switched off. */
  readonly idleMs?: number;
  readonly maxSessions?: number;
}

interface Entry {
  readonly session: Promise<SandboxSession>;
  viewers: number;
  idleSince: number;
}

const DEFAULT_IDLE_MS = 30 * 60_000;
const DEFAULT_MAX_SESSIONS = 40;

/**
 * The server's sessions by id. A tab that reloads finds its session still running; one that is
 * closed for good is reaped after `idleMs`, so a projector left on all day does not leak shops.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Entry>();
  private readonly stopReaper: () => void;

  constructor(private readonly options: RegistryOptions) {
    this.stopReaper = options.wall.every(60_000, () => this.reap());
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The session with this id, started on first use; the caller is counted as watching it. */
  async open(id: string): Promise<SandboxSession> {
    let entry = this.sessions.get(id);
    if (!entry) {
      if (this.sessions.size >= (this.options.maxSessions ?? DEFAULT_MAX_SESSIONS)) {
        throw new SandboxInputError('the sandbox is full: close some tabs, or wait until idle sessions are switched off');
      }
      const session = new SandboxSession(id, { wall: this.options.wall, shelf: this.options.shelf });
      entry = { session: session.start().then(() => session), viewers: 0, idleSince: this.options.wall.now() };
      this.sessions.set(id, entry);
      entry.session.catch(() => this.sessions.delete(id));
    }
    entry.viewers += 1;
    return entry.session;
  }

  /** An existing session, for the image routes; never starts one. */
  async find(id: string): Promise<SandboxSession | undefined> {
    return this.sessions.get(id)?.session;
  }

  release(id: string): void {
    const entry = this.sessions.get(id);
    if (!entry) return;
    entry.viewers = Math.max(0, entry.viewers - 1);
    if (entry.viewers === 0) entry.idleSince = this.options.wall.now();
  }

  async reap(): Promise<void> {
    const limit = this.options.wall.now() - (this.options.idleMs ?? DEFAULT_IDLE_MS);
    for (const [id, entry] of this.sessions) {
      if (entry.viewers > 0 || entry.idleSince > limit) continue;
      this.sessions.delete(id);
      await entry.session.then((session) => session.dispose()).catch((error: unknown) => console.error(`sandbox session ${id}: switching off failed`, error));
    }
  }

  /** Idempotent. */
  async close(): Promise<void> {
    this.stopReaper();
    const entries = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(entries.map(async (entry) => (await entry.session.catch(() => undefined))?.dispose()));
  }
}
