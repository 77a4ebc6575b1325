import { describe, expect, it } from 'vitest';
import { riskConfig } from './risk-config.ts';
import type { RiskConfigInput } from './risk-config.ts';
import { createRiskEngine } from './risk-engine.ts';
import type { RiskContext, RiskHistory, RiskTransaction } from './risk-types.ts';

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 10, 22, 1, 0, 0);
const binding = { terminalId: 'T0000001', merchantId: '898310048160001', mcc: '5812', region: '310000' };

function tx(overrides: Partial<RiskTransaction> = {}): RiskTransaction {
  return {
    terminalId: 'T0000001',
    merchantId: '898310048160001',
    batch: '000001',
    stan: '000010',
    panMasked: '622202******0123',
    cardToken: 'card-a',
    at: t0,
    region: '310000',
    ...overrides,
  };
}

function context(overrides: Partial<RiskContext> = {}): RiskContext {
  const transaction = overrides.transaction ?? tx();
  return {
    transaction,
    binding,
    reported: { region: transaction.region, cell: '4021' },
    requestMcc: undefined,
    history: lists({ terminal: [], card: [] }),
    ...overrides,
  };
}

/** History over plain lists (oldest first), as the store answers it. */
function lists(history: { terminal: RiskTransaction[]; card: RiskTransaction[] }): RiskHistory {
  const after = (scope: 'terminal' | 'card', since: number) => history[scope].filter((t) => t.at > since);
  return {
    last: (scope, since) => after(scope, since).at(-1),
    count: (scope, since, atMost) => Math.min(after(scope, since).length, atMost),
    latest: (scope, since, n) => after(scope, since).slice(-n),
  };
}

const engine = (input: RiskConfigInput = {}) => createRiskEngine(riskConfig(input));

describe('risk engine', () => {
  it('stays silent on a clean sale at home', () => {
    const earlier = tx({ stan: '000009', at: t0 - 5 * MINUTE });
    expect(engine().check(context({ history: lists({ terminal: [earlier], card: [earlier] }) }))).toEqual({ action: 'allow', hits: [] });
  });

  describe('binding', () => {
    it('fires when the request names another merchant, with both ids in the evidence', () => {
      const decision = engine().check(context({ transaction: tx({ merchantId: '898310048169999' }), requestMcc: '5411' }));
      expect(decision.action).toBe('alert');
      expect(decision.hits).toHaveLength(1);
      expect(decision.hits[0]).toMatchObject({
        rule: 'binding',
        evidence: { requestedMerchantId: '898310048169999', boundMerchantId: '898310048160001', requestedMcc: '5411', boundMcc: '5812' },
      });
    });

    it('fires on a category other than the binding even under the right merchant id', () => {
      expect(engine().check(context({ requestMcc: '5411' })).hits.map((hit) => hit.rule)).toEqual(['binding']);
    });

    it('is silent when merchant and category match', () => {
      expect(engine().check(context({ requestMcc: '5812' })).hits).toEqual([]);
    });
  });

  describe('relocation (移机)', () => {
    it('fires when field 59 places the terminal outside its registered region', () => {
      const decision = engine().check(context({ transaction: tx({ region: '110000' }), reported: { region: '110105', cell: 'B7' } }));
      expect(decision.hits).toEqual([
        expect.objectContaining({
          rule: 'relocation',
          action: 'alert',
          evidence: { reportedRegion: '110105', reportedCell: 'B7', registeredRegion: '310000' },
        }),
      ]);
      expect(decision.action).toBe('alert');
    });

    it('accepts any district of a registered city, and no location at all', () => {
      expect(engine().check(context({ reported: { region: '310115', cell: undefined } })).hits).toEqual([]);
      expect(engine().check(context({ reported: undefined })).hits).toEqual([]);
    });
  });

  describe('impossible travel', () => {
    const inBeijing = tx({ stan: '000009', region: '110000', at: t0 - 20 * MINUTE });

    it('fires on one terminal in Beijing then Shanghai 20 minutes later', () => {
      const decision = engine({ relocation: { enabled: false } }).check(
        context({ history: lists({ terminal: [inBeijing], card: [inBeijing] }) }),
      );
      expect(decision.action).toBe('decline');
      expect(decision.hits).toHaveLength(1);
      const [hit] = decision.hits;
      expect(hit).toMatchObject({ rule: 'impossible-travel', evidence: { scope: 'terminal', fromRegion: '110000', toRegion: '310000' } });
      expect(hit!.evidence.distanceKm).toBeGreaterThan(1000);
      expect(hit!.evidence.distanceKm).toBeLessThan(1100);
      expect(hit!.transactions.map((ref) => ref.stan)).toEqual(['000009', '000010']);
    });

    it('fires on one card used in Beijing then on another terminal in Shanghai', () => {
      const elsewhere = tx({ terminalId: 'T0000099', merchantId: '898110048160002', region: '110000', at: t0 - 30 * MINUTE });
      const decision = engine().check(context({ history: lists({ terminal: [], card: [elsewhere] }) }));
      expect(decision.hits).toEqual([expect.objectContaining({ rule: 'impossible-travel', evidence: expect.objectContaining({ scope: 'card' }) })]);
      expect(JSON.stringify(decision)).not.toMatch(/6222021234567890123/);
    });

    it('is silent when there was time for the journey, or the cities are neighbours', () => {
      const yesterday = tx({ stan: '000009', region: '110000', at: t0 - 3 * 60 * MINUTE });
      expect(engine().check(context({ history: lists({ terminal: [yesterday], card: [] }) })).hits).toEqual([]);
      const suzhou = tx({ stan: '000009', region: '320500', at: t0 - 5 * MINUTE });
      expect(engine().check(context({ history: lists({ terminal: [suzhou], card: [suzhou] }) })).hits).toEqual([]);
    });

    it('follows its thresholds', () => {
      const threeHours = tx({ stan: '000009', region: '110000', at: t0 - 3 * 60 * MINUTE });
      const strict = engine({ impossibleTravel: { maxSpeedKmh: 300 } });
      expect(strict.check(context({ history: lists({ terminal: [threeHours], card: [] }) })).hits).toHaveLength(1);
    });
  });

  describe('velocity', () => {
    const burst = (count: number, minutesApart: number) =>
      Array.from({ length: count }, (_, i) => tx({ stan: String(i + 1).padStart(6, '0'), at: t0 - (count - i) * minutesApart * MINUTE }));

    it('fires on the card once it exceeds its limit inside the window', () => {
      const earlier = burst(3, 1);
      const decision = engine({ velocity: { maxPerCard: 3 } }).check(context({ history: lists({ terminal: [], card: earlier }) }));
      expect(decision.hits).toEqual([
        expect.objectContaining({ rule: 'velocity', action: 'alert', evidence: { scope: 'card', limit: 3, windowMs: 600_000 } }),
      ]);
      expect(decision.hits[0]!.transactions).toHaveLength(4);
    });

    it('fires on the terminal, and stays silent at the limit or outside the window', () => {
      const config = { velocity: { maxPerTerminal: 5, action: 'freeze' as const } };
      expect(engine(config).check(context({ history: lists({ terminal: burst(5, 1), card: [] }) })).action).toBe('freeze');
      expect(engine(config).check(context({ history: lists({ terminal: burst(4, 1), card: [] }) })).hits).toEqual([]);
      expect(engine(config).check(context({ history: lists({ terminal: burst(5, 3), card: [] }) })).hits).toEqual([]);
    });
  });

  it('takes the strongest action among several hits', () => {
    const decision = engine({ binding: { action: 'alert' }, relocation: { action: 'freeze' } }).check(
      context({ transaction: tx({ merchantId: '898310048169999', region: '440300' }), reported: { region: '440300', cell: undefined } }),
    );
    expect(decision.hits.map((hit) => [hit.rule, hit.action])).toEqual([
      ['binding', 'alert'],
      ['relocation', 'freeze'],
    ]);
    expect(decision.action).toBe('freeze');
  });

  it('runs no disabled rule', () => {
    const decision = engine({ binding: { enabled: false } }).check(context({ transaction: tx({ merchantId: '898310048169999' }) }));
    expect(decision.hits).toEqual([]);
  });
});
