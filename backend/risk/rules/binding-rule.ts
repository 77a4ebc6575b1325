import type { RiskRule } from '../risk-types.ts';
import { noFindings, refOf } from '../risk-types.ts';

/**
 * Jump code in its plainest form: the request names a merchant, or a merchant category, other
 * than the one the terminal is bound to — typically a "discount" category that pays less.
 */
export const bindingRule: RiskRule = {
  name: 'binding',
  enabled: (config) => config.binding.enabled,
  action: (config) => config.binding.action,
  evaluate({ transaction, binding, requestMcc }) {
    const otherMerchant = transaction.merchantId !== binding.merchantId;
    const otherMcc = requestMcc !== undefined && requestMcc !== binding.mcc;
    if (!otherMerchant && !otherMcc) return noFindings;
    const what = [otherMerchant && `merchant ${transaction.merchantId}`, otherMcc && `MCC ${requestMcc}`].filter(Boolean);
    return [
      {
        rule: 'binding',
        summary: `terminal ${binding.terminalId} sent ${what.join(' / ')}, bound to merchant ${binding.merchantId} MCC ${binding.mcc}`,
        evidence: {
          requestedMerchantId: transaction.merchantId,
          boundMerchantId: binding.merchantId,
          ...(requestMcc !== undefined && { requestedMcc: requestMcc }),
          boundMcc: binding.mcc,
        },
        transactions: [refOf(transaction)],
      },
    ];
  },
};
