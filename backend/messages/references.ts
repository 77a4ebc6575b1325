import type { Random } from '../../platform/random.ts';

/**
 * `count` digits, drawn one at a time as ever so that seeded runs keep their references, and
 * turned into text six at a time: a small whole number converts quickly, and one string per
 * six digits replaces one per digit.
 */
function digits(random: Random, count: number): string {
  let out = '';
  for (let done = 0; done < count; done += 6) {
    const chunk = Math.min(6, count - done);
    let value = 0;
    for (let i = 0; i < chunk; i++) value = value * 10 + random.int(0, 9);
    out += String(value).padStart(chunk, '0');
  }
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
