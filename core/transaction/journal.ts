import type { NonVolatileStore } from '../ports.ts';
import { advance, type TransactionEvent, type Transition } from './machine.ts';
import { recordKey, type TransactionRecord } from './record.ts';

const KEY = 'journal';

/** The terminal's journal as flash holds it; the harness reads it to judge the terminal. */
export function readJournal(flash: Pick<NonVolatileStore, 'read'>): TransactionRecord[] {
  return JSON.parse(flash.read(KEY) ?? '[]') as TransactionRecord[];
}

/**
 * The terminal's transaction journal in flash: one record per financial request, each moved
 * only by the state machine and written back in one flash write per event, so a power cut
 * leaves every record in a state the machine knows how to resume from.
 */
export class TransactionJournal {
  constructor(private readonly flash: NonVolatileStore) {}

  records(): TransactionRecord[] {
    return readJournal(this.flash);
  }

  find(batch: string, stan: string): TransactionRecord | undefined {
    return this.records().find((r) => r.batch === batch && r.stan === stan);
  }

  /** Writes the reversal record; called before the request's first byte leaves. */
  begin(record: TransactionRecord): void {
    this.save([...this.records().filter((r) => recordKey(r) !== recordKey(record)), { ...record, state: 'sent' }]);
  }

  /** Writes an offline approval, which is its advice record, before its slip prints (machine.ts, 8). */
  approveOffline(record: TransactionRecord): void {
    this.save([...this.records().filter((r) => recordKey(r) !== recordKey(record)), { ...record, state: 'advice-due', adviceAttempts: 0 }]);
  }

  apply(record: Pick<TransactionRecord, 'batch' | 'stan'>, event: TransactionEvent): Transition {
    const records = this.records();
    const index = records.findIndex((r) => recordKey(r) === recordKey(record));
    const current = records[index];
    if (!current) throw new Error(`no journal record ${recordKey(record)}`);
    const transition = advance(current, event);
    records[index] = transition.record;
    this.save(records);
    return transition;
  }

  /** Power-on: whatever was in flight becomes a reversal; returns the records that did. */
  recover(): TransactionRecord[] {
    const before = this.records();
    const after = before.map((r) => advance(r, { kind: 'power-on' }).record);
    this.save(after);
    return after.filter((r, i) => r.state !== before[i]!.state);
  }

  /**
   * Settlement closed `batch`: all its records go — also a reversal still held after its last
   * try before the 0500, since the settlement decided that money (see machine.ts, 7).
   */
  closeBatch(batch: string): void {
    this.save(this.records().filter((r) => r.batch !== batch));
  }

  private save(records: readonly TransactionRecord[]): void {
    this.flash.write(KEY, JSON.stringify(records));
  }
}
