import type { RiskAction, RiskConfig } from './risk-config.ts';

/**
 * One financial request as the risk rules see it. Only the masked PAN and the card's token
 * (an HMAC under the host's key) are here: rules and alerts never hold a clear PAN.
 */
export interface RiskTransaction {
  readonly terminalId: string;
  /** The merchant ID the request carried in field 42. */
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly panMasked: string;
  readonly cardToken: string;
  /** Milliseconds since the epoch, on the host's clock. */
  readonly at: number;
  /** Where it happened: the region from field 59, else the terminal's registered region. */
  readonly region: string;
}

/** What the host registered for a terminal: its merchant, that merchant's category and region. */
export interface TerminalBinding {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly mcc: string;
  readonly region: string;
}

export interface RiskContext {
  readonly transaction: RiskTransaction;
  readonly binding: TerminalBinding;
  /** The location field 59 reported, if any. */
  readonly reported: { readonly region: string; readonly cell: string | undefined } | undefined;
  /** The category the request claims: the MCC of the merchant named in field 42, when it is registered. */
  readonly requestMcc: string | undefined;
  /** Earlier transactions of this terminal and this card (never the current one). */
  readonly history: RiskHistory;
}

export type RiskScope = 'terminal' | 'card';

/**
 * Read access to earlier transactions, asked for only as much as a rule needs, so a busy
 * terminal's history costs the same as a quiet one's. `since` is exclusive.
 */
export interface RiskHistory {
  /** The latest earlier transaction after `since`. */
  last(scope: RiskScope, since: number): RiskTransaction | undefined;
  /** How many earlier transactions after `since`, counting no further than `atMost`. */
  count(scope: RiskScope, since: number, atMost: number): number;
  /** The latest `n` earlier transactions after `since`, oldest first. */
  latest(scope: RiskScope, since: number, n: number): RiskTransaction[];
}

export type RiskRuleName = 'binding' | 'relocation' | 'impossible-travel' | 'velocity';

export type EvidenceValue = string | number;

/** A transaction named in evidence: enough to find it in the journal, nothing secret. */
export interface TransactionRef {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly panMasked: string;
  readonly at: number;
  readonly region: string;
}

export interface RiskFinding {
  readonly rule: RiskRuleName;
  readonly summary: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  readonly transactions: readonly TransactionRef[];
}

export interface RiskHit extends RiskFinding {
  readonly action: RiskAction;
}

export interface RiskDecision {
  /** The strongest action among the hits (freeze > decline > alert), or `allow` when none fired. */
  readonly action: RiskAction | 'allow';
  readonly hits: readonly RiskHit[];
}

/** A rule is a pure function of the context and its thresholds. */
export interface RiskRule {
  readonly name: RiskRuleName;
  enabled(config: RiskConfig): boolean;
  action(config: RiskConfig): RiskAction;
  evaluate(context: RiskContext, config: RiskConfig): readonly RiskFinding[];
}

/** What a rule that did not fire returns: one shared empty list rather than a new one per request. */
export const noFindings: readonly RiskFinding[] = [];

export function refOf(transaction: RiskTransaction): TransactionRef {
  const { terminalId, merchantId, batch, stan, panMasked, at, region } = transaction;
  return { terminalId, merchantId, batch, stan, panMasked, at, region };
}
