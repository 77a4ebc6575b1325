import { regionContains, regionLabel } from '../regions.ts';
import type { RiskRule } from '../risk-types.ts';
import { noFindings, refOf } from '../risk-types.ts';

/** 移机: the terminal reports a location outside the region its merchant registered. */
export const relocationRule: RiskRule = {
  name: 'relocation',
  enabled: (config) => config.relocation.enabled,
  action: (config) => config.relocation.action,
  evaluate({ transaction, binding, reported }) {
    if (reported === undefined || regionContains(binding.region, reported.region)) return noFindings;
    return [
      {
        rule: 'relocation',
        summary: `terminal ${binding.terminalId} reports region ${regionLabel(reported.region)}, registered in ${regionLabel(binding.region)}`,
        evidence: {
          reportedRegion: reported.region,
          ...(reported.cell !== undefined && { reportedCell: reported.cell }),
          registeredRegion: binding.region,
        },
        transactions: [refOf(transaction)],
      },
    ];
  },
};

