import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random.ts';
import { RecentTimes } from './recent-times.ts';

interface Row {
  readonly terminalId: string;
  readonly cardToken: string;
  readonly at: number;
}

/** Recent times over a database of `rows`, answering as the store's query does, and counting its reads. */
function over(rows: Row[]) {
  const database = { reads: 0 };
  const reader = (column: 'terminalId' | 'cardToken') => (key: string, depth: number) => {
    database.reads++;
    const times = rows.filter((row) => row[column] === key).map((row) => row.at);
    return times.sort((a, b) => b - a).slice(0, depth).reverse();
  };
  const times = new RecentTimes({ terminal: reader('terminalId'), card: reader('cardToken') });
  const record = (row: Row) => {
    rows.push(row);
    times.recorded(row);
  };
  return { times, database, record };
}

/** What the database's own count says: after `since`, no further than `atMost`. */
function counted(rows: readonly Row[], column: 'terminalId' | 'cardToken', key: string, since: number, atMost: number): number {
  return Math.min(rows.filter((row) => row[column] === key && row.at > since).length, atMost);
}

describe('recent times', () => {
  it('reads a key once, then counts in memory as observations are recorded', () => {
    const rows = [{ terminalId: 'T1', cardToken: 'card-a', at: 100 }];
    const { times, database, record } = over(rows);
    expect(times.count('terminal', 'T1', 50, 3)).toBe(1);
    record({ terminalId: 'T1', cardToken: 'card-a', at: 200 });
    record({ terminalId: 'T1', cardToken: 'card-b', at: 300 });
    expect(times.count('terminal', 'T1', 50, 3)).toBe(3);
    expect(times.count('terminal', 'T1', 150, 3)).toBe(2);
    expect(times.count('terminal', 'T1', 300, 3)).toBe(0);
    expect(database.reads).toBe(1);
  });

  it('stops at the limit, and reads again when asked for more than it keeps', () => {
    const rows = [100, 200, 300, 400].map((at) => ({ terminalId: 'T1', cardToken: 'card-a', at }));
    const { times, database } = over(rows);
    expect(times.count('card', 'card-a', 0, 2)).toBe(2);
    expect(times.count('card', 'card-a', 0, 4)).toBe(4);
    expect(database.reads).toBe(2);
  });

  it('leaves a key it never read to the database, and forgets everything at once', () => {
    const rows: Row[] = [];
    const { times, database, record } = over(rows);
    record({ terminalId: 'T1', cardToken: 'card-a', at: 100 });
    expect(times.count('terminal', 'T1', 0, 5)).toBe(1);
    times.forget();
    rows.length = 0;
    expect(times.count('terminal', 'T1', 0, 5)).toBe(0);
    expect(database.reads).toBe(2);
  });

  it('counts as the database does through clocks that go back, ties, limits and rollbacks (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const rows: Row[] = [];
      const { times, record } = over(rows);
      let now = 1_000;
      for (let step = 0; step < 2_000; step++) {
        const terminalId = `T${random.int(1, 3)}`;
        const cardToken = `card-${random.int(1, 5)}`;
        const move = random.int(0, 9);
        if (move < 5) {
          now += random.int(-20, 60);
          record({ terminalId, cardToken, at: now });
        } else if (move < 9) {
          const since = now - random.int(0, 400);
          const atMost = random.int(1, 12);
          const [scope, column, key] =
            random.int(0, 1) === 0 ? (['terminal', 'terminalId', terminalId] as const) : (['card', 'cardToken', cardToken] as const);
          expect(times.count(scope, key, since, atMost), `seed ${seed} step ${step}`).toBe(counted(rows, column, key, since, atMost));
        } else {
          times.forget();
        }
      }
    }
  });

  it('remembers a bounded number of cards', () => {
    const { times, database } = over([]);
    for (let i = 1; i <= 100_001; i++) times.count('card', `card-${i}`, 0, 1);
    database.reads = 0;
    times.count('card', 'card-100001', 0, 1);
    times.count('card', 'card-1', 0, 1);
    expect(database.reads).toBe(1);
  });
});
