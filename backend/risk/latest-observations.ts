import { rememberCard } from './bounded-cards.ts';
import type { RiskTransaction } from './risk-types.ts';

type Scope = 'terminal' | 'card';

/** The latest observation of one terminal or card in the database, if it has any. */
export type LatestReader = (key: string) => RiskTransaction | undefined;

/**
 * Each terminal's and card's latest observation, as the database would return it, so that the
 * impossible-travel check costs no query per request. An entry is filled from the database
 * (`null`: none recorded yet) and moved on by every observation recorded through the store;
 * the store forgets everything when a transaction rolls back, so an entry never runs ahead of
 * what was committed. Only the latest is kept: rules that need more still ask the database.
 */
export class LatestObservations {
  readonly #terminals = new Map<string, RiskTransaction | null>();
  readonly #cards = new Map<string, RiskTransaction | null>();

  constructor(private readonly read: Readonly<Record<Scope, LatestReader>>) {}

  /** The latest observation after `since`, read from the database when not known here. */
  last(scope: Scope, key: string, since: number): RiskTransaction | undefined {
    let latest = (scope === 'terminal' ? this.#terminals : this.#cards).get(key);
    if (latest === undefined) {
      latest = this.read[scope](key) ?? null;
      if (scope === 'terminal') this.#terminals.set(key, latest);
      else rememberCard(this.#cards, key, latest);
    }
    return latest !== null && latest.at > since ? latest : undefined;
  }

  /** A newly recorded observation; the database orders by time, then by insertion. */
  recorded(transaction: RiskTransaction): void {
    if (moves(this.#terminals.get(transaction.terminalId), transaction)) this.#terminals.set(transaction.terminalId, transaction);
    // A card already remembered keeps its place in the bound (`rememberCard`).
    if (moves(this.#cards.get(transaction.cardToken), transaction)) this.#cards.set(transaction.cardToken, transaction);
  }

  forget(): void {
    this.#terminals.clear();
    this.#cards.clear();
  }
}

/** Unknown stays unknown (the database will say); known moves on unless the clock went back. */
function moves(latest: RiskTransaction | null | undefined, transaction: RiskTransaction): boolean {
  return latest === null || (latest !== undefined && transaction.at >= latest.at);
}
