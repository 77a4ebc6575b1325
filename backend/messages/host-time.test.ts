import { describe, expect, it } from 'vitest';
import type { Clock } from '../../platform/clock.ts';
import { hostTime } from './host-time.ts';

const at = (iso: string): Clock => ({ now: () => Date.parse(iso), setTimeout: () => ({ id: 0 }), clearTimeout: () => {} });

describe('host time', () => {
  it('gives fields 12, 13 and the year-month in the host zone', () => {
    expect(hostTime(at('2026-12-31T23:59:59.999Z'), 0)).toEqual({ time: '235959', date: '1231', yearMonth: '2612' });
    expect(hostTime(at('2026-12-31T23:59:59.999Z'), 480)).toEqual({ time: '075959', date: '0101', yearMonth: '2701' });
    expect(hostTime(at('2027-01-01T05:00:00.000Z'), -360)).toEqual({ time: '230000', date: '1231', yearMonth: '2612' });
  });

  it('moves on at each second and follows the zone asked for, call after call', () => {
    expect(hostTime(at('2026-06-01T10:00:00.999Z'), 480).time).toBe('180000');
    expect(hostTime(at('2026-06-01T10:00:01.000Z'), 480).time).toBe('180001');
    expect(hostTime(at('2026-06-01T10:00:01.500Z'), 0).time).toBe('100001');
    expect(hostTime(at('2026-06-01T10:00:01.500Z'), 480).time).toBe('180001');
  });
});
