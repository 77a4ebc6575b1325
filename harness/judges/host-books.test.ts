import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/loader.ts';
import { runScenario } from '../runner/run-scenario.ts';

async function checksOf(header: string, steps: string, then: string) {
  const text = `id: B-1\ntitle: host books\n${header}cards:\n  - { id: c1, pan: "6222021234567890123", pin: "123456", balance: 5000.00 }\nsteps:\n${steps}then:\n${then}`;
  const result = await runScenario(parseScenario(text, 'b.yaml'), { seed: 1, replay: '' });
  return result.checks.filter((c) => c.name.startsWith('host.'));
}

const sale = '  - power_on\n  - sign_in: { operator: "01", password: "0000" }\n  - sale: { card: c1, entry: chip, amount: 200.00, pin: "123456" }\n';

describe('host.statement', () => {
  it("reads the merchant's terms and the day's figures from the host, and fails on a wrong one", async () => {
    const checks = await checksOf(
      'merchant: { settlement: { mode: "T+0", payout_fee: 2.00 } }\n',
      sale,
      '  - host.statement: { settlement: "T+0", payout_date: today, gross: 200.00, discount_fees: 1.00, net: 197.00 }\n' +
        '  - host.statement: { payout_date: tomorrow, net: 198.00 }\n',
    );
    expect(checks.map((c) => c.verdict)).toEqual(['passed', 'failed']);
    expect(checks[1]?.expected).toBe('statement of 898310048160001 for 2026-11-22: payout_date 2026-11-23, net 198.00');
    expect(checks[1]?.actual).toBe('payout_date 2026-11-22, net 197.00');
  });
});

describe('host.reconciliation', () => {
  it('fails when no batch of the terminal was reconciled', async () => {
    expect((await checksOf('', sale, '  - host.reconciliation: { differences: [] }\n')).map((c) => [c.verdict, c.actual])).toEqual([
      ['failed', 'no batch of this terminal was reconciled'],
    ]);
  });
});
