import type { RiskTransaction } from './risk-types.ts';

type Scope = 'terminal' | 'card';

/** Cards remembered at most; past it the longest-unseen card is looked up in the database again. */
const MAX_CARDS = 100_000;

/**
 * Each terminal's and card's latest observation, as the database would return it, so that the
 * impossible-travel check costs no query per request. An entry is filled from the database
 * (`null`: none recorded yet) and moved on by every observation recorded through the store;
 * the store forgets everything when a transaction rolls back, so an entry never runs ahead of
 * what was committed. Only the latest is kept: rules that need more still ask the database.
 */
export class LatestObservations {
  readonly #byScope: Readonly<Record<Scope, Map<string, RiskTransaction | null>>> = { terminal: new Map(), card: new Map() };

  /** The latest observation after `since`, or `read` from the database when not known here. */
  last(scope: Scope, key: string, since: number, read: () => RiskTransaction | undefined): RiskTransaction | undefined {
    const known = this.#byScope[scope];
    let latest = known.get(key);
    if (latest === undefined) {
      latest = read() ?? null;
      this.#remember(scope, key, latest);
    }
    return latest !== null && latest.at > since ? latest : undefined;
  }

  /** A newly recorded observation; the database orders by time, then by insertion. */
  recorded(transaction: RiskTransaction): void {
    this.#advance('terminal', transaction.terminalId, transaction);
    this.#advance('card', transaction.cardToken, transaction);
  }

  forget(): void {
    this.#byScope.terminal.clear();
    this.#byScope.card.clear();
  }

  #advance(scope: Scope, key: string, transaction: RiskTransaction): void {
    const latest = this.#byScope[scope].get(key);
    // Unknown stays unknown: the database will say. Known moves on unless the clock went back.
    if (latest === null || (latest !== undefined && transaction.at >= latest.at)) this.#remember(scope, key, transaction);
  }

  #remember(scope: Scope, key: string, latest: RiskTransaction | null): void {
    const known = this.#byScope[scope];
    known.delete(key);
    known.set(key, latest);
    if (scope === 'card' && known.size > MAX_CARDS) {
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
  }
}
