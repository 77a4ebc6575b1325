import type { NonVolatileStore } from './ports.ts';

const KEY = 'parameters';

export interface ParameterValues {
  readonly responseTimeoutSeconds: number;
  /** Days an operator's password lasts before sign-in forces a new one. */
  readonly passwordMaxAgeDays: number;
  /**
   * The terminal floor limit in fen: a chip sale at or below it may be approved offline if the
   * card agrees (it is asked for a TC); 0 sends every sale online.
   */
  readonly floorLimitMinor: number;
}

export const RESPONSE_TIMEOUT_RANGE = { min: 10, max: 120 } as const;
export const PASSWORD_AGE_RANGE = { min: 1, max: 365 } as const;
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 90;
/** Whole yuan, as the administrator keys it. */
export const FLOOR_LIMIT_RANGE = { min: 0, max: 9999 } as const;
export const DEFAULT_FLOOR_LIMIT_MINOR = 10_000;

type Range = { readonly min: number; readonly max: number };
const within = (value: number, range: Range) => Number.isInteger(value) && value >= range.min && value <= range.max;

/**
 * Terminal parameters the administrator (operator 99) may change, kept in flash so they
 * survive power cuts; the factory values come from the terminal's configuration.
 */
export class TerminalParameters {
  constructor(
    private readonly flash: NonVolatileStore,
    private readonly factory: ParameterValues,
  ) {}

  get values(): ParameterValues {
    const stored = this.flash.read(KEY);
    return stored === undefined ? this.factory : { ...this.factory, ...(JSON.parse(stored) as Partial<ParameterValues>) };
  }

  /** False when the value is outside what the terminal allows. */
  setResponseTimeout(seconds: number): boolean {
    return this.set('responseTimeoutSeconds', seconds, RESPONSE_TIMEOUT_RANGE);
  }

  setPasswordMaxAge(days: number): boolean {
    return this.set('passwordMaxAgeDays', days, PASSWORD_AGE_RANGE);
  }

  /** In whole yuan; 0 turns offline approvals off. */
  setFloorLimit(yuan: number): boolean {
    return within(yuan, FLOOR_LIMIT_RANGE) && this.set('floorLimitMinor', yuan * 100, { min: 0, max: FLOOR_LIMIT_RANGE.max * 100 });
  }

  private set(name: keyof ParameterValues, value: number, range: Range): boolean {
    if (!within(value, range)) return false;
    this.flash.write(KEY, JSON.stringify({ ...this.values, [name]: value }));
    return true;
  }
}
