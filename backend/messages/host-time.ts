import type { Clock } from '../../platform/clock.ts';

export interface HostTime {
  /** Field 12, hhmmss. */
  readonly time: string;
  /** Field 13, MMDD. */
  readonly date: string;
  /** YYMM, the form of a card's expiry date. */
  readonly yearMonth: string;
}

/** The host's local time from the injected clock, in a fixed zone so that runs replay alike everywhere. */
export function hostTime(clock: Clock, utcOffsetMinutes: number): HostTime {
  const local = new Date(clock.now() + utcOffsetMinutes * 60_000);
  return {
    time: two(local.getUTCHours()) + two(local.getUTCMinutes()) + two(local.getUTCSeconds()),
    date: two(local.getUTCMonth() + 1) + two(local.getUTCDate()),
    yearMonth: two(local.getUTCFullYear() % 100) + two(local.getUTCMonth() + 1),
  };
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
