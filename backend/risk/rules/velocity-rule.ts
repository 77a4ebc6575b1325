import type { RiskFinding, RiskRule, RiskScope } from '../risk-types.ts';
import { refOf } from '../risk-types.ts';

/**
 * Velocity: more transactions from one terminal, or on one card, inside the window than the
 * limit allows. Counting stops at the limit, so the cost does not grow with a burst; the
 * evidence names the latest `limit + 1` transactions — the ones that broke it — so an analyst
 * can read them in the journal.
 */
export const velocityRule: RiskRule = {
  name: 'velocity',
  enabled: (config) => config.velocity.enabled,
  action: (config) => config.velocity.action,
  evaluate({ transaction, history }, config) {
    const { windowMs, maxPerTerminal, maxPerCard } = config.velocity;
    const since = transaction.at - windowMs;
    const findings: RiskFinding[] = [];
    const check = (scope: RiskScope, limit: number) => {
      if (history.count(scope, since, limit) + 1 <= limit) return;
      const who = scope === 'terminal' ? `terminal ${transaction.terminalId}` : `card ${transaction.panMasked}`;
      findings.push({
        rule: 'velocity',
        summary: `${who}: more than ${limit} transactions in ${windowMs / 60_000} min`,
        evidence: { scope, limit, windowMs },
        transactions: [...history.latest(scope, since, limit), transaction].map(refOf),
      });
    };
    check('terminal', maxPerTerminal);
    check('card', maxPerCard);
    return findings;
  },
};
