import { describe, expect, it } from 'vitest';
import { TraceCounter } from './trace.ts';

function flash() {
  const cells = new Map<string, string>();
  return { read: (k: string) => cells.get(k), write: (k: string, v: string) => void cells.set(k, v) };
}

describe('TraceCounter', () => {
  it('rises by one per request and survives a new counter over the same flash (a power cut)', () => {
    const memory = flash();
    expect(new TraceCounter(memory).next()).toBe('000001');
    expect(new TraceCounter(memory).next()).toBe('000002');
  });

  it('wraps from 999999 to 000001, never 000000', () => {
    const memory = flash();
    memory.write('trace.stan', '999999');
    expect(new TraceCounter(memory).next()).toBe('000001');
  });
});
