import { z } from 'zod';

/**
 * The jump-code (跳码) rules as data. Each rule has an action: `alert` records the hit and lets
 * the request go on, `decline` answers 59 (suspected fraud) with no ledger effect, `freeze`
 * answers 62 and freezes the terminal until an operator unfreezes it through the admin API.
 * Every number here is a threshold an operator may tune; docs/host.md explains each one.
 */
export const riskActions = ['alert', 'decline', 'freeze'] as const;
export type RiskAction = (typeof riskActions)[number];

const action = z.enum(riskActions);
const positiveInt = z.number().int().positive();

export const riskConfigSchema = z.strictObject({
  /** Merchant ID or MCC in the request other than the terminal's binding. */
  binding: z.strictObject({ enabled: z.boolean().default(true), action: action.default('alert') }).prefault({}),
  /** Field 59 places the terminal outside its merchant's registered region (移机). */
  relocation: z.strictObject({ enabled: z.boolean().default(true), action: action.default('alert') }).prefault({}),
  /** Consecutive transactions of one terminal or one card too far apart for the time between them. */
  impossibleTravel: z
    .object({
      enabled: z.boolean().default(true),
      action: action.default('decline'),
      /** Faster than this between two points is not a journey: a flight with boarding is ~500 km/h door to door. */
      maxSpeedKmh: z.number().positive().default(600),
      /** Closer than this is the same metropolitan area, whatever the time. */
      minDistanceKm: z.number().nonnegative().default(100),
      /** Only the previous transaction within this time is compared; older ones prove nothing. */
      lookbackMs: positiveInt.default(24 * 60 * 60 * 1000),
    })
    .prefault({}),
  /** More than `maxPerTerminal` (or `maxPerCard`) transactions inside `windowMs`. */
  velocity: z
    .object({
      enabled: z.boolean().default(true),
      action: action.default('alert'),
      windowMs: positiveInt.default(10 * 60 * 1000),
      maxPerTerminal: positiveInt.default(60),
      maxPerCard: positiveInt.default(10),
    })
    .prefault({}),
});

export type RiskConfig = z.output<typeof riskConfigSchema>;
/** What a caller writes: every part optional, defaults fill the rest. */
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

export function riskConfig(input: RiskConfigInput = {}): RiskConfig {
  return riskConfigSchema.parse(input);
}

export const defaultRiskConfig: RiskConfig = riskConfig();
