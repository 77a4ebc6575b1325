import type { Random } from '../../platform/random.ts';

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/** Field 37: twelve digits, drawn from the seeded stream so a run's references replay. */
export function newRetrievalReference(random: Random): string {
  return digits(random, 12);
}

/** Field 38: six digits, given only on approval. */
export function newAuthorisationCode(random: Random): string {
  return digits(random, 6);
}
