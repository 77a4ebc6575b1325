import type { NonVolatileStore } from './ports.ts';

const KEY = 'parameters';

export interface ParameterValues {
  readonly responseTimeoutSeconds: number;
}

export const RESPONSE_TIMEOUT_RANGE = { min: 10, max: 120 } as const;

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
    if (!Number.isInteger(seconds) || seconds < RESPONSE_TIMEOUT_RANGE.min || seconds > RESPONSE_TIMEOUT_RANGE.max) return false;
    this.flash.write(KEY, JSON.stringify({ ...this.values, responseTimeoutSeconds: seconds }));
    return true;
  }
}
