import type { NonVolatileStore } from './ports.ts';
import type { BatchTotals } from './transaction/totals.ts';

const KEY = 'settlement.progress';

/**
 * How far a settlement got, in flash, written before each message it sends. A power cut
 * anywhere leaves this behind, and the terminal finishes the settlement before any new
 * business: with the totals frozen here, so nothing is counted twice.
 *
 *  - `totals`: the 0500 is going (or went) out; the host may or may not have closed the batch.
 *  - `upload`: the host answered unbalanced; `uploaded` transactions of the batch were taken.
 *  - `closing`: the host closed the batch (`newBatch`); the journal, the batch number and the
 *    report are still to follow.
 */
export type SettlementProgress = {
  readonly batch: string;
  readonly operator: string;
  readonly totals: BatchTotals;
} & (
  | { readonly stage: 'totals' }
  | { readonly stage: 'upload'; readonly uploaded: number }
  | { readonly stage: 'closing'; readonly balanced: boolean; readonly newBatch: string }
);

export function readSettlementProgress(flash: Pick<NonVolatileStore, 'read'>): SettlementProgress | undefined {
  const stored = flash.read(KEY);
  return stored === undefined || stored === '' ? undefined : (JSON.parse(stored) as SettlementProgress);
}

export function saveSettlementProgress(flash: NonVolatileStore, progress: SettlementProgress): void {
  flash.write(KEY, JSON.stringify(progress));
}

/** The settlement is over, done or refused before the host could close anything. */
export function clearSettlementProgress(flash: NonVolatileStore): void {
  flash.write(KEY, '');
}
