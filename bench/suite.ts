import { availableParallelism, tmpdir } from 'node:os';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectScenarioFiles } from '../harness/collect.ts';
import { findCatalogue } from '../harness/conformance/catalogue.ts';
import { runSuite } from '../harness/run.ts';
import type { RunResult } from '../harness/run-result.ts';
import { runThroughVitest } from '../harness/vitest/run-through-vitest.ts';
import { renderHtml } from '../reports/html.ts';

export interface SuiteFigures {
  /** Scenario files shipped, and how many copies were played to reach the target count. */
  readonly shipped: number;
  readonly played: number;
  readonly virtualMs: number;
  /** One process, one scenario after another. */
  readonly inProcessWallMs: number;
  /** Vitest's worker pool on every core, process start-up included. */
  readonly vitestWallMs: number;
  readonly workers: number;
  readonly htmlBytes: number;
  /** Passed scenarios whose receipts the report shows as text to stay under its budget. */
  readonly receiptsAsText: number;
  /** Passed scenarios that also leave out their sequence diagram for the same reason. */
  readonly withoutSequence: number;
}

/**
 * Copies the shipped scenarios (and their catalogue) into a scratch folder until there are at
 * least `target` files, each copy with its own id, so a small suite can be timed at CI size.
 */
async function suiteOf(target: number, folder: string): Promise<{ shipped: number; played: number }> {
  const files = await collectScenarioFiles(['scenarios']);
  const catalogue = findCatalogue(['scenarios']);
  if (catalogue) await copyFile(catalogue, join(folder, 'requirements.yaml'));
  const rounds = Math.ceil(target / files.length);
  for (let round = 0; round < rounds; round++) {
    await mkdir(join(folder, `r${round}`), { recursive: true });
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      await writeFile(join(folder, `r${round}`, basename(file)), text.replace(/^id: (\S+)/m, `id: $1-R${round}`));
    }
  }
  return { shipped: files.length, played: rounds * files.length };
}

/** Plays the shipped suite (repeated to at least `target` scenarios) in one process and in Vitest's pool. */
export async function benchSuite(target = 100): Promise<SuiteFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'poslab-suite-'));
  try {
    const { shipped, played } = await suiteOf(target, folder);
    const started = performance.now();
    const run: RunResult = await runSuite({ paths: [folder], seed: 1 });
    const inProcessWallMs = performance.now() - started;
    const workers = availableParallelism();
    const page = renderHtml(run);
    const pooled = performance.now();
    await runThroughVitest({ paths: [folder], seed: 1, out: join(folder, 'report'), workers, quiet: true });
    return {
      shipped,
      played,
      virtualMs: run.virtualMs,
      inProcessWallMs,
      vitestWallMs: performance.now() - pooled,
      workers,
      htmlBytes: Buffer.byteLength(page),
      receiptsAsText: Number(/the receipts of (\d+) passed scenarios/.exec(page)?.[1] ?? 0),
      withoutSequence: Number(/and (\d+) passed scenarios leave out their sequence diagram/.exec(page)?.[1] ?? 0),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function printSuiteFigures(f: SuiteFigures): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = (wall: number) => `${Math.round(f.virtualMs / wall)}×`;
  console.log(`\nWhole suite: ${f.played} scenarios (${f.shipped} shipped files, repeated), ${s(f.virtualMs)} of virtual time`);
  console.log(`  one process          ${s(f.inProcessWallMs).padStart(9)} wall  ${ratio(f.inProcessWallMs).padStart(7)} compression`);
  console.log(`  vitest, ${f.workers} workers    ${s(f.vitestWallMs).padStart(9)} wall  ${ratio(f.vitestWallMs).padStart(7)} compression (process start-up included)`);
  const sequences = f.withoutSequence ? `, ${f.withoutSequence} without their sequence diagram` : '';
  const text = f.receiptsAsText ? ` (receipts of ${f.receiptsAsText} passed scenarios as text${sequences})` : ' (every receipt an image)';
  console.log(`  HTML report          ${(f.htmlBytes / 1e6).toFixed(2).padStart(7)} MB${text}`);
  console.log(`  targets: 100+ scenarios < 10 s wall, ≥ 500× compression, report < 2 MB`);
}

// `npx tsx bench/suite.ts [count]` runs this alone; `npm run bench` runs it after the others.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = Number(process.argv[2] ?? 100);
  printSuiteFigures(await benchSuite(target));
}
