import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSuite } from '../run.ts';
import type { RunResult } from '../run-result.ts';
import { mergeShards, runThroughVitest } from './run-through-vitest.ts';

/** Everything but real time: what must repeat exactly for a seed, however the run was spread. */
function withoutWallClock(run: RunResult): unknown {
  return JSON.parse(JSON.stringify(run), (key, value: unknown) => (key.startsWith('wall') ? undefined : value));
}

const folder = () => mkdtemp(join(tmpdir(), 'poslab-vitest-'));

beforeEach(() => {
  // The child Vitest writes its own progress to this process's stdout; keep the poslab reporter's summary quiet.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('scenario files as Vitest test files', () => {
  const paths = ['scenarios/transactions'];
  const seed = 42;

  it('gives the same results.json from two shards in Vitest workers, merged, as from one process', async () => {
    const inProcess = await runSuite({ paths, seed });
    const blobs = await folder();
    const first = await runThroughVitest({ paths, seed, out: await folder(), shard: '1/2', blobs });
    const second = await runThroughVitest({ paths, seed, out: await folder(), shard: '2/2', blobs });
    expect(first.selection.shard).toBe('1/2');
    expect(first.summary.total + second.summary.total).toBe(inProcess.summary.total);
    expect(first.scenarios.map((s) => s.id)).not.toEqual(expect.arrayContaining(second.scenarios.map((s) => s.id)));

    const merged = await mergeShards(blobs, { out: await folder(), seed, paths });
    expect(withoutWallClock(merged)).toEqual(withoutWallClock(inProcess));
  }, 120_000);
});
