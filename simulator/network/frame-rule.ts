import type { FrameView } from './link-message.ts';

/** One copy of a frame body (no length prefix) on its way, and how long it is held first. */
export interface FrameCopy {
  readonly bytes: Uint8Array;
  readonly delayMs: number;
}

/**
 * A fault's say over one whole frame, decided on its decoded view: return the copy unchanged
 * to let it pass, nothing to drop it, a changed copy to rewrite or delay it, two to duplicate
 * it. Rules run in the order they were added, each on what the previous ones let through.
 */
export type FrameRule = (copy: FrameCopy, view: FrameView) => readonly FrameCopy[];
