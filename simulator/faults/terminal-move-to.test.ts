import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { terminalMoveTo } from './terminal-move-to.ts';

describe('terminal.move_to', () => {
  it('makes the modem report the new region and moves back when healed', () => {
    const bench = new LinkBench();
    const heal = terminalMoveTo.apply(bench.targets(), terminalMoveTo.params.parse({ region: '110000', cell: 'B7' }));
    expect(bench.network.location()).toBe('region=110000;cell=B7');
    heal();
    expect(bench.network.location()).toBe('region=310000;cell=A1');
  });
});
