import type { NonVolatileStore } from './ports.ts';

const STAN_KEY = 'trace.stan';
const BATCH_KEY = 'trace.batch';

/**
 * The system trace audit number (field 11) and the batch number, kept in flash so a power
 * cut never reuses a trace number. The STAN rises by one per request and wraps 999999 → 1.
 */
export class TraceCounter {
  constructor(private readonly flash: NonVolatileStore) {}

  next(): string {
    const last = Number(this.flash.read(STAN_KEY) ?? '0');
    const stan = last >= 999_999 ? 1 : last + 1;
    this.flash.write(STAN_KEY, String(stan));
    return String(stan).padStart(6, '0');
  }

  batch(): string {
    return (this.flash.read(BATCH_KEY) ?? '000001').padStart(6, '0');
  }

  setBatch(batch: string): void {
    this.flash.write(BATCH_KEY, batch.padStart(6, '0'));
  }
}
