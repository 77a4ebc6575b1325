import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../run-result.ts';
import { budgetMetric, judgeBudgets } from './budgets.ts';

/** One approved chip sale: card in at `start`, answer `hostMs` after the request, outcome screen 100 ms later. */
function sale(start: number, hostMs: number, stan: string): TimelineEntry[] {
  return [
    { t: start, source: 'card-reader', kind: 'insert' },
    { t: start + 100, source: 'link', kind: 'message', detail: { direction: 'to-host', mti: '0200', fields: `3=000000 11=${stan} 60=22000001000` } },
    { t: start + 100 + hostMs, source: 'link', kind: 'message', detail: { direction: 'to-terminal', mti: '0210', fields: `11=${stan} 39=00` } },
    { t: start + 200 + hostMs, source: 'console', kind: 'screen', detail: { text: 'APPROVED' } },
  ];
}

describe('judgeBudgets', () => {
  it('names metrics as the timeline does', () => {
    expect([budgetMetric('sale'), budgetMetric('host.sale'), budgetMetric('recovery')]).toEqual(['txn.sale', 'host.sale', 'recovery']);
  });

  it('passes within the budget and fails over it, by nearest rank', () => {
    const timeline = [...sale(0, 800, '000001'), ...sale(10_000, 2_800, '000002')];
    const [p50, p95, host] = judgeBudgets(timeline, { 'sale.p50': 1_000, 'sale.p95': 2_999, 'host.sale.max': 2_000 });
    expect(p50).toMatchObject({ verdict: 'passed', actual: 'sale.p50 = 1000 ms over 2 samples' });
    expect(p95).toMatchObject({ verdict: 'failed', actual: 'sale.p95 = 3000 ms over 2 samples' });
    expect(host).toMatchObject({ verdict: 'failed', actual: 'host.sale.max = 2800 ms over 2 samples' });
  });

  it('fails a budget nothing was measured for', () => {
    expect(judgeBudgets([], { 'refund.p95': 1_000 })[0]).toMatchObject({ verdict: 'failed', actual: 'no successful txn.refund measured' });
  });
});
