import type { BatchTotals } from '../store/host-store.ts';

const TOTALS = /^(\d{3})(\d{12})(\d{3})(\d{12})/;
const LAST_BATCH = 999_999;

/** Field 48 of a 0500: debit count n3, debit amount n12, credit count n3, credit amount n12. */
export function readTotals(value: unknown): BatchTotals | undefined {
  const match = typeof value === 'string' ? TOTALS.exec(value) : null;
  if (!match) return undefined;
  return { debitCount: Number(match[1]), debitMinor: Number(match[2]), creditCount: Number(match[3]), creditMinor: Number(match[4]) };
}

export function formatTotals(totals: BatchTotals): string {
  const digits = (value: number, width: number) => String(value).padStart(width, '0');
  return `${digits(totals.debitCount, 3)}${digits(totals.debitMinor, 12)}${digits(totals.creditCount, 3)}${digits(totals.creditMinor, 12)}`;
}

export function sameTotals(a: BatchTotals, b: BatchTotals): boolean {
  return a.debitCount === b.debitCount && a.debitMinor === b.debitMinor && a.creditCount === b.creditCount && a.creditMinor === b.creditMinor;
}

/** The batch after `batch`; 999999 is followed by 000001, as a STAN is. */
export function nextBatch(batch: string): string {
  const next = (Number(batch) % LAST_BATCH) + 1;
  return String(next).padStart(6, '0');
}
