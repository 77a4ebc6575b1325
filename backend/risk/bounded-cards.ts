/** Cards remembered at most by an in-memory cache of risk control; past it the database is asked again. */
export const MAX_CARDS = 100_000;

/**
 * Remembers `value` for `card` in a cache bounded to MAX_CARDS, the first remembered card going
 * first. A card seen again keeps its place: moving it to the end would delete and re-add an
 * entry per sale, and a Map that churns so rebuilds its table every few hundred sales, each new
 * table one more object for the young-generation collector to copy (it was most of what the
 * host promoted per collection).
 */
export function rememberCard<V>(cards: Map<string, V>, card: string, value: V): void {
  cards.set(card, value);
  if (cards.size > MAX_CARDS) {
    const oldest = cards.keys().next().value;
    if (oldest !== undefined) cards.delete(oldest);
  }
}
