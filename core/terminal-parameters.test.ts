import { describe, expect, it } from 'vitest';
import { TerminalParameters } from './terminal-parameters.ts';

describe('TerminalParameters', () => {
  it('keeps what the administrator set in flash, within the allowed ranges, over the factory values', () => {
    const cells = new Map<string, string>();
    const flash = { read: (k: string) => cells.get(k), write: (k: string, v: string) => void cells.set(k, v) };
    const factory = { responseTimeoutSeconds: 60, passwordMaxAgeDays: 90 };
    const parameters = new TerminalParameters(flash, factory);
    expect(parameters.setPasswordMaxAge(0)).toBe(false);
    expect(parameters.setPasswordMaxAge(366)).toBe(false);
    expect(parameters.setPasswordMaxAge(30)).toBe(true);
    expect(parameters.setResponseTimeout(9)).toBe(false);
    expect(parameters.setResponseTimeout(30)).toBe(true);
    // A power cut later: a new instance over the same flash.
    expect(new TerminalParameters(flash, factory).values).toEqual({ responseTimeoutSeconds: 30, passwordMaxAgeDays: 30 });
  });
});
