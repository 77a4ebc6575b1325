import { greatCircleKm } from '../great-circle.ts';
import { regionLabel, regionPoint } from '../regions.ts';
import type { RiskFinding, RiskRule, RiskTransaction } from '../risk-types.ts';
import { noFindings, refOf } from '../risk-types.ts';

const MS_PER_HOUR = 3_600_000;

/**
 * Impossible travel: the previous transaction of the same terminal (a terminal that hops
 * regions) or of the same card (a card used in two cities) happened so far away that nobody
 * could have made the journey in the time between. The distance is great-circle between the
 * cities' points, so only regions in the table can fire; the card's check is skipped when its
 * previous transaction is the one the terminal's check already compared.
 */
export const impossibleTravelRule: RiskRule = {
  name: 'impossible-travel',
  enabled: (config) => config.impossibleTravel.enabled,
  action: (config) => config.impossibleTravel.action,
  evaluate({ transaction, history }, config) {
    const limits = config.impossibleTravel;
    const since = transaction.at - limits.lookbackMs - 1;
    const byTerminal = history.last('terminal', since);
    const byCard = history.last('card', since);
    const terminalHit = byTerminal && journey('terminal', byTerminal, transaction, limits);
    const cardHit =
      byCard && !(terminalHit && sameTransaction(byCard, byTerminal)) ? journey('card', byCard, transaction, limits) : undefined;
    if (terminalHit && cardHit) return [terminalHit, cardHit];
    const hit = terminalHit || cardHit;
    return hit ? [hit] : noFindings;
  },
};

function journey(
  scope: 'terminal' | 'card',
  previous: RiskTransaction,
  current: RiskTransaction,
  limits: { maxSpeedKmh: number; minDistanceKm: number },
): RiskFinding | undefined {
  // The same region twice is 0 km: under any positive minimum, with no table look-up or trigonometry.
  if (previous.region === current.region && limits.minDistanceKm > 0) return undefined;
  const from = regionPoint(previous.region);
  const to = regionPoint(current.region);
  if (!from || !to) return undefined;
  const km = greatCircleKm(from, to);
  if (km < limits.minDistanceKm) return undefined;
  const elapsedMs = Math.max(0, current.at - previous.at);
  const speedKmh = elapsedMs === 0 ? Number.POSITIVE_INFINITY : km / (elapsedMs / MS_PER_HOUR);
  if (speedKmh <= limits.maxSpeedKmh) return undefined;
  const minutes = Math.round(elapsedMs / 600) / 100;
  const who = scope === 'terminal' ? `terminal ${current.terminalId}` : `card ${current.panMasked}`;
  return {
    rule: 'impossible-travel',
    summary: `${who}: ${regionLabel(previous.region)} then ${regionLabel(current.region)}, ${Math.round(km)} km in ${minutes} min`,
    evidence: {
      scope,
      fromRegion: previous.region,
      toRegion: current.region,
      distanceKm: Math.round(km * 10) / 10,
      elapsedMinutes: minutes,
      // Infinity does not survive JSON: two cities at the same instant report the limit's text.
      requiredSpeedKmh: Number.isFinite(speedKmh) ? Math.round(speedKmh) : 'instantaneous',
      maxSpeedKmh: limits.maxSpeedKmh,
    },
    transactions: [refOf(previous), refOf(current)],
  };
}

function sameTransaction(a: RiskTransaction, b: RiskTransaction | undefined): boolean {
  return b !== undefined && a.terminalId === b.terminalId && a.batch === b.batch && a.stan === b.stan && a.at === b.at;
}
