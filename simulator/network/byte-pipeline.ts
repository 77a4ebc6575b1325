import type { Forward } from './delay-queue.ts';

/**
 * One stage of a direction's byte stream, like a proxy's toxic: it takes chunks and hands
 * them on through `forward`, now or later, whole, split, altered or not at all.
 */
export interface ByteStage {
  push(bytes: Uint8Array, forward: Forward): void;
  /** The stage is being removed: hand on whatever it still holds, in order. */
  release(forward: Forward): void;
  /** The connection died under it: forget what it holds; returns the bytes lost. */
  discard(): number;
}

/**
 * The stages one direction's bytes pass through, sender first, then the sink that delivers
 * them. A stage forwards to whatever follows it at the moment it forwards, so removing a
 * stage while another still holds data sends that data around the gap, never into it.
 */
export class BytePipeline {
  private readonly stages: ByteStage[] = [];

  constructor(private readonly sink: Forward) {}

  push(bytes: Uint8Array): void {
    this.from(0, bytes);
  }

  add(stage: ByteStage): () => void {
    this.stages.push(stage);
    return () => {
      if (!this.stages.includes(stage)) return;
      stage.release(this.after(stage));
      this.stages.splice(this.stages.indexOf(stage), 1);
    };
  }

  /** Drops everything in flight in this direction; returns the bytes lost. */
  discard(): number {
    return this.stages.reduce((lost, stage) => lost + stage.discard(), 0);
  }

  get size(): number {
    return this.stages.length;
  }

  private from(index: number, bytes: Uint8Array): void {
    const stage = this.stages[index];
    if (stage) stage.push(bytes, this.after(stage));
    else this.sink(bytes);
  }

  private after(stage: ByteStage): Forward {
    return (bytes) => {
      const index = this.stages.indexOf(stage);
      this.from(index < 0 ? this.stages.length : index + 1, bytes);
    };
  }
}
