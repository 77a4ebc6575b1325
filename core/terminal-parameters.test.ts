import { describe, expect, it } from 'vitest';
import { TerminalParameters } from './terminal-parameters.ts';

describe('TerminalParameters', () => {
  it('keeps what the administrator set in flash, within the allowed ranges, over the factory values', () => {
    const cells = new Map<string, string>();
    const flash = { read: (k: string) => cells.get(k), write: (k: string, v: string) => void cells.set(k, v) };
    const factory = { responseTimeoutSeconds: 60, passwordMaxAgeDays: 90, floorLimitMinor: 10_000 };
    const parameters = new TerminalParameters(flash, factory);
    expect(parameters.setPasswordMaxAge(0)).toBe(false);
    expect(parameters.setPasswordMaxAge(366)).toBe(false);
    expect(parameters.setPasswordMaxAge(30)).toBe(true);
    expect(parameters.setResponseTimeout(9)).toBe(false);
    expect(parameters.setResponseTimeout(30)).toBe(true);
    expect(parameters.setFloorLimit(10_000)).toBe(false);
    expect(parameters.setFloorLimit(-1)).toBe(false);
    expect(parameters.setFloorLimit(250)).toBe(true);
    // A power cut later: a new instance over the same flash.
    expect(new TerminalParameters(flash, factory).values).toEqual({ responseTimeoutSeconds: 30, passwordMaxAgeDays: 30, floorLimitMinor: 25_000 });
    expect(parameters.setFloorLimit(0)).toBe(true);
    expect(parameters.values.floorLimitMinor).toBe(0);
  });

  it('takes the factory floor limit when flash holds parameters saved before there was one', () => {
    const flash = { read: () => JSON.stringify({ responseTimeoutSeconds: 45, passwordMaxAgeDays: 90 }), write: () => undefined };
    expect(new TerminalParameters(flash, { responseTimeoutSeconds: 60, passwordMaxAgeDays: 90, floorLimitMinor: 10_000 }).values.floorLimitMinor).toBe(10_000);
  });
});
