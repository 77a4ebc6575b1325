import type { Clock } from '../../platform/clock.ts';
import type { EventSink } from '../../platform/events.ts';
import { HostError } from '../host-errors.ts';
import type { HostStore } from '../store/host-store.ts';
import { onRollback, sqliteDatabaseOf } from '../store/sqlite-host-store.ts';
import { riskConfig } from './risk-config.ts';
import type { RiskConfigInput } from './risk-config.ts';
import { createRiskControl } from './risk-control.ts';
import type { RiskControl } from './risk-control.ts';
import { createRiskEngine } from './risk-engine.ts';
import { SqliteRiskStore } from './sqlite-risk-store.ts';

/** Risk control on the host's own database, with `config` over the defaults (risk-config.ts). */
export function openRiskControl(deps: { store: HostStore; clock: Clock; events: EventSink; config?: RiskConfigInput }): RiskControl {
  const db = sqliteDatabaseOf(deps.store);
  if (!db) throw new HostError('HOST_INVALID', 'risk control keeps its tables in the host store: give the host a store from openHostStore');
  const store = new SqliteRiskStore(db);
  onRollback(deps.store, () => store.forgetCached());
  return createRiskControl({
    engine: createRiskEngine(riskConfig(deps.config)),
    store,
    registry: deps.store,
    clock: deps.clock,
    events: deps.events,
  });
}
