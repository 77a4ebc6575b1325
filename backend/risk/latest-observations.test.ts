import { describe, expect, it } from 'vitest';
import { LatestObservations } from './latest-observations.ts';
import type { RiskTransaction } from './risk-types.ts';

function seen(stan: string, at: number, terminalId = 'T1', cardToken = 'card-a'): RiskTransaction {
  return { terminalId, merchantId: 'M1', batch: '000001', stan, panMasked: '622202*********0123', cardToken, region: '310000', at };
}

/** Latest observations over a database that holds `rows` (latest per key) and counts its reads. */
function over(rows: { terminal?: Record<string, RiskTransaction>; card?: Record<string, RiskTransaction> } = {}) {
  const database = { reads: 0 };
  const latest = new LatestObservations({
    terminal: (key) => {
      database.reads++;
      return rows.terminal?.[key];
    },
    card: (key) => {
      database.reads++;
      return rows.card?.[key];
    },
  });
  return { latest, database };
}

describe('latest observations', () => {
  it('asks the database once per key, then answers from what was recorded since', () => {
    const { latest, database } = over({ terminal: { T1: seen('000001', 100) } });
    expect(latest.last('terminal', 'T1', 50)?.stan).toBe('000001');
    expect(latest.last('terminal', 'T1', 100)).toBeUndefined();
    latest.recorded(seen('000002', 200));
    expect(latest.last('terminal', 'T1', 150)?.stan).toBe('000002');
    expect(database.reads).toBe(1);
  });

  it('keeps "none yet" from the database and moves on from it; an unknown key stays for the database to say', () => {
    const { latest } = over({ terminal: { T2: seen('000009', 900, 'T2') } });
    expect(latest.last('card', 'card-a', 0)).toBeUndefined();
    latest.recorded(seen('000003', 300, 'T2', 'card-a'));
    expect(latest.last('card', 'card-a', 0)?.stan).toBe('000003');
    // T2 was never read, so recording did not make its entry up: the database is asked.
    expect(latest.last('terminal', 'T2', 0)?.stan).toBe('000009');
  });

  it('orders as the database does: a later time wins, a tie goes to the later record, a clock that went back does not', () => {
    const { latest } = over({ terminal: { T1: seen('000001', 100) } });
    latest.last('terminal', 'T1', 0);
    latest.recorded(seen('000002', 100));
    expect(latest.last('terminal', 'T1', 0)?.stan).toBe('000002');
    latest.recorded(seen('000003', 90));
    expect(latest.last('terminal', 'T1', 0)?.stan).toBe('000002');
  });

  it('forgets everything at once, and remembers a bounded number of cards', () => {
    const rows: Record<string, RiskTransaction> = { 'card-0': seen('000001', 1) };
    const { latest, database } = over({ card: rows });
    latest.last('card', 'card-0', 0);
    delete rows['card-0'];
    latest.forget();
    expect(latest.last('card', 'card-0', 0)).toBeUndefined();

    for (let i = 1; i <= 100_001; i++) latest.last('card', `card-${i}`, 0);
    database.reads = 0;
    latest.last('card', 'card-100001', 0);
    latest.last('card', 'card-1', 0);
    expect(database.reads).toBe(1);
  });

  it('keeps its own copy, moved on in place: what `last` gave stays right until the next observation', () => {
    const { latest } = over({ card: { 'card-a': seen('000001', 100) } });
    const first = seen('000002', 200, 'T1', 'card-a');
    latest.last('card', 'card-a', 0);
    latest.recorded(first);
    const given = latest.last('card', 'card-a', 0);
    expect(given).toEqual(first);
    expect(given).not.toBe(first);
    latest.recorded(seen('000003', 300, 'T9', 'card-a'));
    expect(latest.last('card', 'card-a', 0)).toEqual(seen('000003', 300, 'T9', 'card-a'));
    expect(first.stan).toBe('000002');
  });
});

