import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../run-result.ts';
import { lineProgress, ttyProgress } from './progress.ts';

const result = (id: string, verdict: ScenarioResult['verdict']) =>
  ({ id, title: `title ${id}`, verdict, file: 'x.yaml', seed: 1, virtualMs: 0, wallMs: 1, steps: [], checks: [], replay: 'npx poslab run x.yaml --seed 1' }) as unknown as ScenarioResult;

function fakeTerminal() {
  const written: string[] = [];
  const stream = { isTTY: true, columns: 80, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, screen: () => stripVTControlCharacters(written.join('')) };
}

describe('progress', () => {
  it('on a terminal rewrites one line with done/total and failures, and keeps failures above it', () => {
    const { stream, screen } = fakeTerminal();
    const progress = ttyProgress(stream);
    progress.start(3);
    progress.scenario(result('A-1', 'passed'), 1, 3);
    progress.scenario(result('A-2', 'failed'), 2, 3);
    progress.scenario(result('A-3', 'passed'), 3, 3);
    progress.end();
    const lines = screen().split('\r').map((line) => line.replace(/\[2K/g, ''));
    expect(lines).toContain('1/3 A-1 title A-1');
    expect(lines.some((line) => line.startsWith('✗ A-2 title A-2'))).toBe(true);
    expect(lines).toContain('3/3 · 1 failed A-3 title A-3');
  });

  it('elsewhere prints one plain line per scenario', () => {
    const printed: string[] = [];
    const progress = lineProgress((line) => printed.push(stripVTControlCharacters(line)));
    progress.start(2);
    progress.scenario(result('A-1', 'passed'), 1, 2);
    expect(printed).toEqual([expect.stringMatching(/^✓ A-1 title A-1/)]);
  });
});
