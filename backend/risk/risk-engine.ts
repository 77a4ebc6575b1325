import type { RiskAction, RiskConfig } from './risk-config.ts';
import { bindingRule } from './rules/binding-rule.ts';
import { impossibleTravelRule } from './rules/impossible-travel-rule.ts';
import { relocationRule } from './rules/relocation-rule.ts';
import { velocityRule } from './rules/velocity-rule.ts';
import type { RiskContext, RiskDecision, RiskHit, RiskRule } from './risk-types.ts';

export const riskRules: readonly RiskRule[] = [bindingRule, relocationRule, impossibleTravelRule, velocityRule];

const strength: Readonly<Record<RiskDecision['action'], number>> = { allow: 0, alert: 1, decline: 2, freeze: 3 };

export interface RiskEngine {
  readonly config: RiskConfig;
  /** Pure: the same context and config always give the same decision. */
  check(context: RiskContext): RiskDecision;
}

const allow: RiskDecision = { action: 'allow', hits: [] };

/** Runs every enabled rule and takes the strongest configured action among those that fired. */
export function createRiskEngine(config: RiskConfig, rules: readonly RiskRule[] = riskRules): RiskEngine {
  // The config is fixed for the engine's life: rules it disables, and each rule's action, are settled once here.
  const active = rules.filter((rule) => rule.enabled(config)).map((rule) => ({ rule, action: rule.action(config) }));
  return {
    config,
    check(context) {
      let hits: RiskHit[] | undefined;
      let action: RiskAction | 'allow' = 'allow';
      for (const { rule, action: ruleAction } of active) {
        const findings = rule.evaluate(context, config);
        if (findings.length === 0) continue;
        hits ??= [];
        for (const finding of findings) hits.push({ ...finding, action: ruleAction });
        if (strength[ruleAction] > strength[action]) action = ruleAction;
      }
      return hits ? { action, hits } : allow;
    },
  };
}
