import type { RiskAction } from './risk-config.ts';
import type { EvidenceValue, RiskRuleName, RiskTransaction, TransactionRef } from './risk-types.ts';

/** An alert as kept and shown: what fired, what was done, and the evidence. No clear PAN. */
export interface RiskAlert {
  readonly id: number;
  readonly rule: RiskRuleName;
  readonly action: RiskAction;
  readonly terminalId: string;
  /** The merchant the terminal is bound to (the one whose terminal misbehaved). */
  readonly merchantId: string;
  readonly summary: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  readonly transactions: readonly TransactionRef[];
  readonly createdAt: number;
}

export type NewRiskAlert = Omit<RiskAlert, 'id'>;

export interface TerminalFreeze {
  readonly terminalId: string;
  readonly alertId: number;
  readonly reason: string;
  readonly frozenAt: number;
  readonly unfrozenAt: number | undefined;
  readonly unfrozenBy: string | undefined;
}

export interface AlertFilter {
  readonly terminalId?: string;
  readonly merchantId?: string;
  readonly rule?: RiskRuleName;
  /** Only alerts with an id above this one, for polling. */
  readonly afterId?: number;
  readonly limit?: number;
}

/** What risk control keeps between requests, in the host's database. */
export interface RiskStore {
  /** The latest `limit` transactions of a terminal or card after `since`, oldest first. */
  recent(scope: 'terminal' | 'card', key: string, since: number, limit: number): RiskTransaction[];
  /** The latest transaction of a terminal or card after `since`. */
  last(scope: 'terminal' | 'card', key: string, since: number): RiskTransaction | undefined;
  /** How many transactions of a terminal or card after `since`, counting no further than `atMost`. */
  count(scope: 'terminal' | 'card', key: string, since: number, atMost: number): number;
  record(transaction: RiskTransaction): void;
  addAlert(alert: NewRiskAlert): number;
  alerts(filter?: AlertFilter): RiskAlert[];
  /** The terminal's current freeze, if it is frozen. */
  freeze(terminalId: string): TerminalFreeze | undefined;
  /** Every freeze still in force. */
  frozen(): TerminalFreeze[];
  addFreeze(freeze: { terminalId: string; alertId: number; reason: string; at: number }): void;
  /** Ends the current freeze; false when the terminal was not frozen. */
  endFreeze(terminalId: string, at: number, by: string): boolean;
  /** Every registered terminal and its merchant, by terminal id. */
  terminals(): Array<{ terminalId: string; merchantId: string }>;
  transaction<T>(work: () => T): T;
}
