import type { RiskFinding, RiskRule, RiskTransaction } from '../risk-types.ts';
import { refOf } from '../risk-types.ts';

/**
 * Velocity: more transactions from one terminal, or on one card, inside the window than the
 * limit allows. The evidence names the transactions in the window (the latest `limit + 1`, which
 * is what broke the limit) so an analyst can read them in the journal.
 */
export const velocityRule: RiskRule = {
  name: 'velocity',
  enabled: (config) => config.velocity.enabled,
  action: (config) => config.velocity.action,
  evaluate({ transaction, history }, config) {
    const { windowMs, maxPerTerminal, maxPerCard } = config.velocity;
    const since = transaction.at - windowMs;
    const findings: RiskFinding[] = [];
    const check = (scope: 'terminal' | 'card', earlier: readonly RiskTransaction[], limit: number) => {
      const inWindow = [...earlier.filter((previous) => previous.at > since), transaction];
      if (inWindow.length <= limit) return;
      const who = scope === 'terminal' ? `terminal ${transaction.terminalId}` : `card ${transaction.panMasked}`;
      findings.push({
        rule: 'velocity',
        summary: `${who}: ${inWindow.length} transactions in ${windowMs / 60_000} min, limit ${limit}`,
        evidence: { scope, count: inWindow.length, limit, windowMs },
        transactions: inWindow.slice(-(limit + 1)).map(refOf),
      });
    };
    check('terminal', history.terminal, maxPerTerminal);
    check('card', history.card, maxPerCard);
    return findings;
  },
};
