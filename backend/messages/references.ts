import type { Random } from '../../platform/random.ts';

/** `count` (at most 15) digits, drawn one at a time as ever so that seeded runs keep their references. */
function digits(random: Random, count: number): string {
  let value = 0;
  for (let i = 0; i < count; i++) value = value * 10 + random.int(0, 9);
  return String(value).padStart(count, '0');
}

/** Field 37: twelve digits, drawn from the seeded stream so a run's references replay. */
export function newRetrievalReference(random: Random): string {
  return digits(random, 12);
}

/** Field 38: six digits, given only on approval. */
export function newAuthorisationCode(random: Random): string {
  return digits(random, 6);
}
