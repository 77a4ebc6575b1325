import { describe, expect, it } from 'vitest';
import { MAX_CARDS, rememberCard } from './bounded-cards.ts';

describe('bounded card caches', () => {
  it('drop the first remembered card past the bound, and a card seen again keeps its place', () => {
    const cards = new Map<string, number>();
    for (let i = 0; i < MAX_CARDS; i++) rememberCard(cards, `card-${i}`, i);
    rememberCard(cards, 'card-0', -1);
    expect(cards.size).toBe(MAX_CARDS);
    expect(cards.get('card-0')).toBe(-1);
    rememberCard(cards, 'card-new', 0);
    expect(cards.has('card-0')).toBe(false);
    expect(cards.has('card-1')).toBe(true);
    expect(cards.size).toBe(MAX_CARDS);
  });
});
