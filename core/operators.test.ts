import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../platform/clock.ts';
import { FACTORY_OPERATORS, OperatorTable } from './operators.ts';

const DAY = 86_400_000;

function table() {
  const cells = new Map<string, string>();
  const flash = { read: (k: string) => cells.get(k), write: (k: string, v: string) => void cells.set(k, v) };
  const clock = new VirtualClock(1_000_000);
  const operators = new OperatorTable(flash, '10000001', clock);
  operators.seed(FACTORY_OPERATORS);
  return { operators, cells, clock };
}

describe('OperatorTable', () => {
  it('seeds at least 20 cashiers, the supervisor 00 and the administrator 99, with roles', () => {
    const { operators } = table();
    expect(operators.list().length).toBeGreaterThanOrEqual(20);
    expect(operators.signIn('00', '123456')).toEqual({ kind: 'signed-in', role: 'supervisor', passwordExpired: false });
    expect(operators.signIn('99', '99999999')).toEqual({ kind: 'signed-in', role: 'administrator', passwordExpired: false });
    expect(operators.signIn('07', '0000')).toEqual({ kind: 'signed-in', role: 'operator', passwordExpired: false });
  });

  it('locks after three wrong passwords in a row until unlocked; a new password also unlocks', () => {
    const { operators } = table();
    expect(operators.signIn('01', '1')).toEqual({ kind: 'wrong-password', triesLeft: 2 });
    expect(operators.signIn('01', '2')).toEqual({ kind: 'wrong-password', triesLeft: 1 });
    expect(operators.signIn('01', '3')).toEqual({ kind: 'locked' });
    expect(operators.signIn('01', '0000')).toEqual({ kind: 'locked' });
    expect(operators.unlock('01')).toBe('done');
    expect(operators.signIn('01', '0000').kind).toBe('signed-in');
    operators.signIn('02', '1');
    operators.signIn('02', '2');
    operators.signIn('02', '3');
    expect(operators.setPassword('02', '5678')).toBe('done');
    expect(operators.signIn('02', '5678').kind).toBe('signed-in');
  });

  it('adds and removes cashiers only; the supervisor and administrator always exist', () => {
    const { operators } = table();
    expect(operators.add('21', '4321')).toBe('done');
    expect(operators.add('21', '4321')).toBe('exists');
    expect(operators.add('99', '4321')).toBe('not-allowed');
    expect(operators.add('22', '12')).toBe('bad-password');
    expect(operators.remove('00')).toBe('not-allowed');
    expect(operators.remove('21')).toBe('done');
    expect(operators.signIn('21', '4321')).toEqual({ kind: 'unknown' });
  });

  it('ages passwords on the clock: past the limit sign-in reports them expired until a new one is set', () => {
    const { operators, clock } = table();
    clock.advanceTo(clock.now() + 90 * DAY);
    expect(operators.signIn('01', '0000', 90)).toMatchObject({ kind: 'signed-in', passwordExpired: false });
    clock.advanceTo(clock.now() + 1);
    expect(operators.signIn('01', '0000', 90)).toMatchObject({ kind: 'signed-in', passwordExpired: true });
    expect(operators.signIn('01', '0000')).toMatchObject({ kind: 'signed-in', passwordExpired: false });
    expect(operators.setPassword('01', '0000')).toBe('same-password');
    expect(operators.setPassword('01', '2580')).toBe('done');
    expect(operators.signIn('01', '2580', 90)).toMatchObject({ kind: 'signed-in', passwordExpired: false });
    // The supervisor's reset of another operator starts that password's age afresh too.
    clock.advanceTo(clock.now() + 91 * DAY);
    expect(operators.signIn('02', '0000', 90)).toMatchObject({ passwordExpired: true });
    expect(operators.setPassword('02', '1357')).toBe('done');
    expect(operators.signIn('02', '1357', 90)).toMatchObject({ passwordExpired: false });
  });

  it('keeps no password in flash, only salted hashes', () => {
    const { operators, cells } = table();
    operators.setPassword('03', '86420975');
    const stored = [...cells.values()].join();
    expect(stored).not.toContain('86420975');
    expect(stored).not.toContain('123456');
  });
});
