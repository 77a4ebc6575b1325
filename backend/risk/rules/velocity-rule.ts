import type { RiskFinding, RiskRule, RiskScope } from '../risk-types.ts';
import { noFindings, refOf } from '../risk-types.ts';

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
    const terminalOver = history.count('terminal', since, maxPerTerminal) + 1 > maxPerTerminal;
    const cardOver = history.count('card', since, maxPerCard) + 1 > maxPerCard;
    if (!terminalOver && !cardOver) return noFindings;
    const burst = (scope: RiskScope, limit: number): RiskFinding => {
      const who = scope === 'terminal' ? `terminal ${transaction.terminalId}` : `card ${transaction.panMasked}`;
      return {
        rule: 'velocity',
        summary: `${who}: more than ${limit} transactions in ${windowMs / 60_000} min`,
        evidence: { scope, limit, windowMs },
        transactions: [...history.latest(scope, since, limit), transaction].map(refOf),
      };
    };
    if (!cardOver) return [burst('terminal', maxPerTerminal)];
    if (!terminalOver) return [burst('card', maxPerCard)];
    return [burst('terminal', maxPerTerminal), burst('card', maxPerCard)];
  },
};
