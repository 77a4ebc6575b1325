import { LinkDownError } from './errors.ts';

/**
 * The one way bytes cross a boundary between two systems: terminal ↔ network ↔ host.
 * A link delivers chunks in order; it does not preserve message boundaries (framers do that).
 * Writing to a link that is down throws `LinkDownError`, the way a send on a dead socket fails.
 */
export interface ByteLink {
  readonly up: boolean;
  write(bytes: Uint8Array): void;
  onData(listener: (bytes: Uint8Array) => void): () => void;
  /** Told when the link goes up or down, so a terminal can show "network down". */
  onStatus(listener: (up: boolean) => void): () => void;
  close(): void;
}

/** Fan-out of listeners, shared by every link implementation. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) listener(value);
  }
}

class MemoryEnd implements ByteLink {
  peer!: MemoryEnd;
  private open = true;
  private readonly data = new Listeners<Uint8Array>();
  private readonly status = new Listeners<boolean>();

  get up(): boolean {
    return this.open && this.peer.open;
  }

  write(bytes: Uint8Array): void {
    if (!this.up) throw new LinkDownError();
    const copy = bytes.slice();
    // Delivered on a later microtask so that a reply never re-enters the writer's stack.
    queueMicrotask(() => {
      if (this.peer.open) this.peer.data.emit(copy);
    });
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    return this.status.add(listener);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.status.emit(false);
    this.peer.status.emit(false);
  }
}

/** Two connected in-memory ends; what one writes, the other reads. */
export function createLinkPair(): [ByteLink, ByteLink] {
  const a = new MemoryEnd();
  const b = new MemoryEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
