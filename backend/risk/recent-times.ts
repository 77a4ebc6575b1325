import { rememberCard } from './bounded-cards.ts';

type Scope = 'terminal' | 'card';

/** The times of a terminal's or card's latest `depth` observations in the database, oldest first. */
export type RecentTimesReader = (key: string, depth: number) => number[];

interface Times {
  /** How many of the latest times are kept: the most a count has asked for. */
  readonly depth: number;
  /** The latest `depth` times (all of them when there are fewer), oldest first. */
  readonly at: number[];
}

/**
 * The times of each terminal's and card's latest observations, so that the velocity check
 * counts in memory instead of querying twice per request. A count up to `atMost` after `since`
 * needs only the latest `atMost` times: whatever lies after `since` is at the end of the list,
 * and if all of the list does, the count is at its limit anyway. An entry is filled from the
 * database and moved on by every observation recorded through the store; the store forgets
 * everything when a transaction rolls back, so an entry never runs ahead of what was committed.
 */
export class RecentTimes {
  readonly #terminals = new Map<string, Times>();
  readonly #cards = new Map<string, Times>();

  constructor(private readonly read: Readonly<Record<Scope, RecentTimesReader>>) {}

  /** How many observations after `since`, counting no further than `atMost`. */
  count(scope: Scope, key: string, since: number, atMost: number): number {
    let times = (scope === 'terminal' ? this.#terminals : this.#cards).get(key);
    if (times === undefined || times.depth < atMost) {
      times = { depth: atMost, at: this.read[scope](key, atMost) };
      if (scope === 'terminal') this.#terminals.set(key, times);
      else rememberCard(this.#cards, key, times);
    }
    const { at } = times;
    let n = 0;
    for (let i = at.length - 1; i >= 0 && n < atMost && (at[i] as number) > since; i--) n++;
    return n;
  }

  /** A newly recorded observation. A key not known here stays so: the database will say. */
  recorded(transaction: { readonly terminalId: string; readonly cardToken: string; readonly at: number }): void {
    const byTerminal = this.#terminals.get(transaction.terminalId);
    if (byTerminal) add(byTerminal, transaction.at);
    const byCard = this.#cards.get(transaction.cardToken);
    if (byCard) add(byCard, transaction.at);
  }

  forget(): void {
    this.#terminals.clear();
    this.#cards.clear();
  }
}

/** In time order (a clock that went back puts it further in), dropping the oldest past the depth. */
function add(times: Times, at: number): void {
  const list = times.at;
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > at) i--;
  if (i === list.length) list.push(at);
  else list.splice(i, 0, at);
  if (list.length > times.depth) list.shift();
}
