import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../harness/run-result.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';

/** Writes every view of a run into one folder. */
export async function writeReports(run: RunResult, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await Promise.all([
    writeFile(join(folder, 'index.html'), renderHtml(run)),
    writeFile(join(folder, 'junit.xml'), renderJunit(run)),
    writeFile(join(folder, 'results.json'), renderJson(run)),
  ]);
}
