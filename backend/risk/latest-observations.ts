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
 *
 * Entries are the cache's own objects, overwritten in place (strings equal to the old ones are
 * kept): a new object per sale is still alive at the next young-generation collection, so every
 * collection copied one per card and terminal in use. What `last` returns is therefore valid
 * until the next observation is recorded; a caller that keeps it copies it (findings keep `refOf`).
 */
export class LatestObservations {
  readonly #terminals = new Map<string, Entry | null>();
  readonly #cards = new Map<string, Entry | null>();

  constructor(private readonly read: Readonly<Record<Scope, LatestReader>>) {}

  /** The latest observation after `since`, read from the database when not known here. */
  last(scope: Scope, key: string, since: number): RiskTransaction | undefined {
    let latest = (scope === 'terminal' ? this.#terminals : this.#cards).get(key);
    if (latest === undefined) {
      const stored = this.read[scope](key);
      latest = stored === undefined ? null : entryOf(stored);
      if (scope === 'terminal') this.#terminals.set(key, latest);
      else rememberCard(this.#cards, key, latest);
    }
    return latest !== null && latest.at > since ? latest : undefined;
  }

  /** A newly recorded observation; the database orders by time, then by insertion. */
  recorded(transaction: RiskTransaction): void {
    // Unknown stays unknown (the database will say); known moves on unless the clock went back.
    // A card already remembered keeps its place in the bound (`rememberCard`).
    const byTerminal = this.#terminals.get(transaction.terminalId);
    if (byTerminal === null) this.#terminals.set(transaction.terminalId, entryOf(transaction));
    else if (byTerminal !== undefined && transaction.at >= byTerminal.at) overwrite(byTerminal, transaction);
    const byCard = this.#cards.get(transaction.cardToken);
    if (byCard === null) this.#cards.set(transaction.cardToken, entryOf(transaction));
    else if (byCard !== undefined && transaction.at >= byCard.at) overwrite(byCard, transaction);
  }

  forget(): void {
    this.#terminals.clear();
    this.#cards.clear();
  }
}

/** A cache entry: the latest observation's fields, overwritten as later ones arrive. */
type Entry = { -readonly [K in keyof RiskTransaction]: RiskTransaction[K] };

/** A copy of the caller's observation, so that the cache never holds (or changes) the caller's object. */
function entryOf(t: RiskTransaction): Entry {
  return { ...t };
}

/** Moves an entry on to `t`, keeping the strings it already has where they read the same. */
function overwrite(entry: Entry, t: RiskTransaction): void {
  if (entry.terminalId !== t.terminalId) entry.terminalId = t.terminalId;
  if (entry.merchantId !== t.merchantId) entry.merchantId = t.merchantId;
  if (entry.batch !== t.batch) entry.batch = t.batch;
  if (entry.stan !== t.stan) entry.stan = t.stan;
  if (entry.panMasked !== t.panMasked) entry.panMasked = t.panMasked;
  if (entry.cardToken !== t.cardToken) entry.cardToken = t.cardToken;
  if (entry.region !== t.region) entry.region = t.region;
  entry.at = t.at;
}
