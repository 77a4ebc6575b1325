const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Business days are calendar days in the host's local time (UTC+8 unless configured), written
 * `YYYY-MM-DD`. Weekends and public holidays are ordinary days here: T+1 is the next calendar day.
 */
export function businessDayOf(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The epoch milliseconds where `day` starts and ends (exclusive) in the host's local time. */
export function businessDayBounds(day: string, utcOffsetMinutes: number): { from: number; to: number } {
  const from = Date.UTC(...dateParts(day)) - utcOffsetMinutes * 60_000;
  return { from, to: from + DAY_MS };
}

export function nextBusinessDay(day: string): string {
  return new Date(Date.UTC(...dateParts(day)) + DAY_MS).toISOString().slice(0, 10);
}

export function isBusinessDay(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(...dateParts(value))).toISOString().slice(0, 10) === value;
}

function dateParts(day: string): [number, number, number] {
  const match = ISO_DATE.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
}
