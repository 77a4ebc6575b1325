import type { FrameView } from '../network/link-message.ts';
import { matchesMessage, type MessageMatch } from './message-match.ts';

/**
 * Picks the frames a conditional fault acts on: those that match `when`, and of those only the
 * first `count` (all, without a count). Each frame picked uses up one of the count.
 */
export function frameSelector(when: MessageMatch | undefined, count: number | undefined): (view: FrameView) => boolean {
  let picked = 0;
  return (view) => {
    if (count !== undefined && picked >= count) return false;
    if (!matchesMessage(when, view)) return false;
    picked += 1;
    return true;
  };
}
