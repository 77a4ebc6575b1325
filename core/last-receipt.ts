import type { NonVolatileStore } from './ports.ts';
import type { TransactionSlip } from './receipt.ts';

const KEY = 'receipt.last';

/** The last completed transaction's slip (masked PAN only), for "reprint last" even after settlement. */
export function saveLastSlip(flash: NonVolatileStore, slip: TransactionSlip): void {
  flash.write(KEY, JSON.stringify(slip));
}

export function lastSlip(flash: NonVolatileStore): TransactionSlip | undefined {
  const stored = flash.read(KEY);
  return stored === undefined ? undefined : (JSON.parse(stored) as TransactionSlip);
}
