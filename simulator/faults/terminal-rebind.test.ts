import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { terminalRebind } from './terminal-rebind.ts';

describe('terminal.rebind', () => {
  it('re-programs the terminal to another merchant, notes it on the link, and programs it back when healed', () => {
    const bench = new LinkBench();
    const heal = terminalRebind.apply(bench.targets(), terminalRebind.params.parse({ merchant: '898310054110001', mcc: '5411' }));
    expect(bench.bindings).toEqual(['898310054110001']);
    expect(bench.events.find((e) => e.kind === 'rebound')?.detail).toEqual({ merchant: '898310054110001', mcc: '5411' });
    heal();
    expect(bench.bindings).toEqual(['898310054110001', 'home']);
  });

  it('refuses a merchant id that is not 15 characters and a category that is not 4 digits', () => {
    expect(terminalRebind.params.safeParse({ merchant: '8983100', mcc: '5411' }).success).toBe(false);
    expect(terminalRebind.params.safeParse({ merchant: '898310054110001', mcc: 'food' }).success).toBe(false);
  });
});
