import { close, fdatasync, openSync } from 'node:fs';

/**
 * Brings a SQLite WAL file to disk on libuv's thread pool, so that the event loop never waits
 * for the disk. The store commits a group with synchronous=NORMAL (SQLite writes the WAL but
 * does not sync it) and then asks here; whatever the group produced waits for the callback.
 *
 * One sync covers every commit written before it started: callers who ask while one is under
 * way share the next, and callbacks come in the order they were asked for. A descriptor of our
 * own is enough, because fdatasync flushes the file, not what one descriptor wrote. SQLite keeps
 * the WAL's inode for as long as the database is open: it rewinds the file after a checkpoint
 * (which syncs the WAL and the database itself) and deletes it only when it closes.
 *
 * A failed sync fails every later one too: after a write-back error the kernel may have dropped
 * the pages it could not write and report the next sync clean, so nothing is known to be on
 * disk any more until the host is restarted and SQLite reads back what really is.
 */
export class WalSync {
  private fd: number | undefined;
  private running = false;
  private closing = false;
  private failure: Error | undefined;
  private waiting: Array<(error?: Error) => void> = [];

  constructor(private readonly path: string) {}

  /** Calls `done` once everything written to the WAL before this call is on disk, or with why not. */
  sync(done: (error?: Error) => void): void {
    this.waiting.push(done);
    if (!this.running) this.start();
  }

  /** Lets go of the file once the sync under way, if any, has finished. */
  close(): void {
    this.closing = true;
    if (!this.running) this.release();
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    if (this.failure) {
      this.finish(batch, this.failure);
      return;
    }
    let fd: number;
    try {
      fd = this.fd ??= openSync(this.path, 'r');
    } catch (error) {
      this.finish(batch, error as Error);
      return;
    }
    fdatasync(fd, (error) => this.finish(batch, error ?? undefined));
  }

  private finish(batch: ReadonlyArray<(error?: Error) => void>, error: Error | undefined): void {
    this.running = false;
    this.failure ??= error;
    for (const done of batch) done(error);
    if (this.waiting.length > 0) this.start();
    else if (this.closing) this.release();
  }

  private release(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    close(fd, () => {});
  }
}
