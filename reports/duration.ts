/**
 * A span of time as a person reads it: milliseconds and seconds for a step, minutes, hours
 * and days for a suite whose scenarios wait out password ageing or settlement cut-offs.
 */
export function humanDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1_000).toFixed(2)} s`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1_000],
  ];
  const first = units.findIndex(([, size]) => ms >= size);
  const [bigName, bigSize] = units[first]!;
  const [smallName, smallSize] = units[first + 1]!;
  const big = Math.floor(ms / bigSize);
  const small = Math.floor((ms - big * bigSize) / smallSize);
  return small > 0 ? `${big} ${bigName} ${small} ${smallName}` : `${big} ${bigName}`;
}
