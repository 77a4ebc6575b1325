import type { Clock } from '../../platform/clock.ts';

export interface HostTime {
  /** Field 12, hhmmss. */
  readonly time: string;
  /** Field 13, MMDD. */
  readonly date: string;
  /** YYMM, the form of a card's expiry date. */
  readonly yearMonth: string;
}

/**
 * The host's local time from the injected clock, in a fixed zone so that runs replay alike
 * everywhere. Requests come many to a second, so the last second's answer is kept and given again.
 */
export function hostTime(clock: Clock, utcOffsetMinutes: number): HostTime {
  const second = Math.floor(clock.now() / 1000) + utcOffsetMinutes * 60;
  if (last?.second !== second) last = { second, time: timeAt(second) };
  return last.time;
}

let last: { readonly second: number; readonly time: HostTime } | undefined;

function timeAt(localSecond: number): HostTime {
  const local = new Date(localSecond * 1000);
  return {
    time: two(local.getUTCHours()) + two(local.getUTCMinutes()) + two(local.getUTCSeconds()),
    date: two(local.getUTCMonth() + 1) + two(local.getUTCDate()),
    yearMonth: two(local.getUTCFullYear() % 100) + two(local.getUTCMonth() + 1),
  };
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
