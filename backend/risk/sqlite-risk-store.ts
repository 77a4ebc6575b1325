import type Database from 'better-sqlite3';
import { LatestObservations } from './latest-observations.ts';
import { RecentTimes } from './recent-times.ts';
import type { RiskAction } from './risk-config.ts';
import type { AlertFilter, NewRiskAlert, RiskAlert, RiskStore, TerminalFreeze } from './risk-store.ts';
import type { RiskRuleName, RiskTransaction } from './risk-types.ts';

interface ObservationRow {
  terminal_id: string;
  merchant_id: string;
  batch: string;
  stan: string;
  pan_masked: string;
  card_token: string;
  region: string;
  at: number;
}

interface AlertRow {
  id: number;
  rule: string;
  action: string;
  terminal_id: string;
  merchant_id: string;
  summary: string;
  evidence: string;
  created_at: number;
}

interface FreezeRow {
  terminal_id: string;
  alert_id: number;
  reason: string;
  frozen_at: number;
  unfrozen_at: number | null;
  unfrozen_by: string | null;
}

const MAX_ALERTS = 1_000;
/** Before every observation: `last` with this asks for the latest of all. */
const BEGINNING = -Number.MAX_VALUE;

/**
 * Risk control's tables (risk_observations, risk_alerts, terminal_freezes; migration 3) in the
 * host's own database, so an alert and a freeze are as durable as the journal and commit in the
 * same transaction as the request that caused them. Statements are prepared once. What a
 * request's screening reads — freezes in force, each terminal's and card's latest observation
 * and recent times — is kept in memory as well and moved on by this store's own writes, so the
 * only statement a clean request costs is the INSERT of its observation.
 */
export class SqliteRiskStore implements RiskStore {
  private readonly recentByTerminal;
  private readonly recentByCard;
  private readonly insertObservation;
  private readonly insertAlert;
  private readonly allFrozen;
  private readonly insertFreeze;
  private readonly unfreeze;
  private readonly registered;
  private readonly latest;
  private readonly recentTimes;
  /**
   * Every freeze in force, by terminal, read whole on first use (`undefined`: not read since the
   * last rollback). Freezes are written only through this store, which keeps it exact, so screening
   * a request costs no query for it.
   */
  private inForce: Map<string, TerminalFreeze> | undefined;

  constructor(private readonly db: Database.Database) {
    const recent = (column: string) =>
      db.prepare<[string, number, number], ObservationRow>(
        `SELECT * FROM (SELECT * FROM risk_observations WHERE ${column} = ? AND at > ? ORDER BY at DESC, id DESC LIMIT ?)
         ORDER BY at, id`,
      );
    this.recentByTerminal = recent('terminal_id');
    this.recentByCard = recent('card_token');
    const last = (column: string) =>
      db.prepare<[string, number], ObservationRow>(
        `SELECT * FROM risk_observations WHERE ${column} = ? AND at > ? ORDER BY at DESC, id DESC LIMIT 1`,
      );
    const lastByTerminal = last('terminal_id');
    const lastByCard = last('card_token');
    const latestOf = (query: typeof lastByTerminal) => (key: string) => {
      const row = query.get(key, BEGINNING);
      return row && observationFromRow(row);
    };
    this.latest = new LatestObservations({ terminal: latestOf(lastByTerminal), card: latestOf(lastByCard) });
    const times = (column: string) => {
      const query = db
        .prepare<[string, number], number>(`SELECT at FROM risk_observations WHERE ${column} = ? ORDER BY at DESC LIMIT ?`)
        .pluck();
      return (key: string, depth: number) => query.all(key, depth).reverse();
    };
    this.recentTimes = new RecentTimes({ terminal: times('terminal_id'), card: times('card_token') });
    this.insertObservation = db.prepare(
      `INSERT INTO risk_observations (terminal_id, merchant_id, batch, stan, pan_masked, card_token, region, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAlert = db.prepare(
      `INSERT INTO risk_alerts (rule, action, terminal_id, merchant_id, summary, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.allFrozen = db.prepare<[], FreezeRow>('SELECT * FROM terminal_freezes WHERE unfrozen_at IS NULL ORDER BY frozen_at, id');
    this.insertFreeze = db.prepare(
      'INSERT INTO terminal_freezes (terminal_id, alert_id, reason, frozen_at) VALUES (?, ?, ?, ?)',
    );
    this.unfreeze = db.prepare(
      'UPDATE terminal_freezes SET unfrozen_at = ?, unfrozen_by = ? WHERE terminal_id = ? AND unfrozen_at IS NULL',
    );
    // The registry's own table, read only: risk control reports on every terminal, frozen or not.
    this.registered = db.prepare<[], { terminalId: string; merchantId: string }>(
      'SELECT terminal_id AS terminalId, merchant_id AS merchantId FROM terminals ORDER BY terminal_id',
    );
  }

  terminals(): Array<{ terminalId: string; merchantId: string }> {
    return this.registered.all();
  }

  recent(scope: 'terminal' | 'card', key: string, since: number, limit: number): RiskTransaction[] {
    const query = scope === 'terminal' ? this.recentByTerminal : this.recentByCard;
    return query.all(key, since, limit).map(observationFromRow);
  }

  last(scope: 'terminal' | 'card', key: string, since: number): RiskTransaction | undefined {
    return this.latest.last(scope, key, since);
  }

  count(scope: 'terminal' | 'card', key: string, since: number, atMost: number): number {
    return this.recentTimes.count(scope, key, since, atMost);
  }

  record(t: RiskTransaction): void {
    this.insertObservation.run(t.terminalId, t.merchantId, t.batch, t.stan, t.panMasked, t.cardToken, t.region, t.at);
    this.latest.recorded(t);
    this.recentTimes.recorded(t);
  }

  addAlert(alert: NewRiskAlert): number {
    const evidence = JSON.stringify({ values: alert.evidence, transactions: alert.transactions });
    const result = this.insertAlert.run(
      alert.rule,
      alert.action,
      alert.terminalId,
      alert.merchantId,
      alert.summary,
      evidence,
      alert.createdAt,
    );
    return Number(result.lastInsertRowid);
  }

  alerts(filter: AlertFilter = {}): RiskAlert[] {
    const clauses: string[] = [];
    const values: Array<string | number> = [];
    const where = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      clauses.push(clause);
      values.push(value);
    };
    where('terminal_id = ?', filter.terminalId);
    where('merchant_id = ?', filter.merchantId);
    where('rule = ?', filter.rule);
    where('id > ?', filter.afterId);
    const limit = Math.min(Math.max(1, filter.limit ?? MAX_ALERTS), MAX_ALERTS);
    const sql = `SELECT * FROM risk_alerts ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id LIMIT ${limit}`;
    return this.db.prepare<Array<string | number>, AlertRow>(sql).all(...values).map(alertFromRow);
  }

  freeze(terminalId: string): TerminalFreeze | undefined {
    this.inForce ??= new Map(this.allFrozen.all().map((row) => [row.terminal_id, freezeFromRow(row)]));
    return this.inForce.get(terminalId);
  }

  frozen(): TerminalFreeze[] {
    return this.allFrozen.all().map(freezeFromRow);
  }

  addFreeze(freeze: { terminalId: string; alertId: number; reason: string; at: number }): void {
    this.insertFreeze.run(freeze.terminalId, freeze.alertId, freeze.reason, freeze.at);
    this.inForce?.set(freeze.terminalId, {
      terminalId: freeze.terminalId,
      alertId: freeze.alertId,
      reason: freeze.reason,
      frozenAt: freeze.at,
      unfrozenAt: undefined,
      unfrozenBy: undefined,
    });
  }

  endFreeze(terminalId: string, at: number, by: string): boolean {
    const lifted = this.unfreeze.run(at, by, terminalId).changes > 0;
    this.inForce?.delete(terminalId);
    return lifted;
  }

  /** Inside the request's own transaction (the host screens there) the work simply joins it. */
  transaction<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    try {
      return this.db.transaction(work)();
    } catch (error) {
      this.forgetCached();
      throw error;
    }
  }

  /** A transaction rolled back: what this store remembers may be ahead of the database. */
  forgetCached(): void {
    this.latest.forget();
    this.recentTimes.forget();
    this.inForce = undefined;
  }
}

function observationFromRow(row: ObservationRow): RiskTransaction {
  return {
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    batch: row.batch,
    stan: row.stan,
    panMasked: row.pan_masked,
    cardToken: row.card_token,
    region: row.region,
    at: row.at,
  };
}

function alertFromRow(row: AlertRow): RiskAlert {
  const evidence = JSON.parse(row.evidence) as { values: RiskAlert['evidence']; transactions: RiskAlert['transactions'] };
  return {
    id: row.id,
    rule: row.rule as RiskRuleName,
    action: row.action as RiskAction,
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    summary: row.summary,
    evidence: evidence.values,
    transactions: evidence.transactions,
    createdAt: row.created_at,
  };
}

function freezeFromRow(row: FreezeRow): TerminalFreeze {
  return {
    terminalId: row.terminal_id,
    alertId: row.alert_id,
    reason: row.reason,
    frozenAt: row.frozen_at,
    unfrozenAt: row.unfrozen_at ?? undefined,
    unfrozenBy: row.unfrozen_by ?? undefined,
  };
}
