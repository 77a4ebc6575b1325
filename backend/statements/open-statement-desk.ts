import { feeSchedule } from '../fees/fee-schedule.ts';
import type { FeeScheduleInput } from '../fees/fee-schedule.ts';
import { HostError } from '../host-errors.ts';
import type { HostStore } from '../store/host-store.ts';
import { sqliteDatabaseOf } from '../store/sqlite-host-store.ts';
import { SqliteSettlementTermsStore } from './settlement-terms-store.ts';
import { createStatementDesk } from './statement-desk.ts';
import type { StatementDesk } from './statement-desk.ts';

/** Statements over the host's journal, with payout terms in the same database and `fees` over the price list's defaults. */
export function openStatementDesk(deps: { store: HostStore; utcOffsetMinutes: number; fees?: FeeScheduleInput }): StatementDesk {
  const db = sqliteDatabaseOf(deps.store);
  if (!db) throw new HostError('HOST_INVALID', 'statements keep payout terms in the host store: give the host a store from openHostStore');
  return createStatementDesk({
    store: deps.store,
    terms: new SqliteSettlementTermsStore(db),
    schedule: feeSchedule(deps.fees),
    utcOffsetMinutes: deps.utcOffsetMinutes,
  });
}
