import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/** Builds a throwaway tree and runs the project's own dependency rules over it. */
async function cruise(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'poslab-arrows-'));
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true } }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const bin = join(root, 'node_modules', '.bin', 'depcruise');
  try {
    const { stdout } = await run(bin, ['--config', join(root, '.dependency-cruiser.cjs'), ...Object.keys(files)], { cwd: dir });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

describe('import arrows', () => {
  it('fail when core imports the backend', async () => {
    const result = await cruise({
      'core/sale.ts': "import { host } from '../backend/host.ts';\nexport const x = host;\n",
      'backend/host.ts': 'export const host = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('core-meets-the-world-at-bytes');
  });

  it('fail when the backend imports the simulator', async () => {
    const result = await cruise({
      'backend/host.ts': "import { link } from '../simulator/link.ts';\nexport const host = link;\n",
      'simulator/link.ts': 'export const link = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('backend-meets-the-world-at-bytes');
  });

  it('let a driver test use emulated hardware, but never let a core test reach the simulator or the host', async () => {
    const allowed = await cruise({
      'drivers/pad.test.ts': "import { pad } from '../simulator/pad.ts';\nexport const x = pad;\n",
      'simulator/pad.ts': 'export const pad = 1;\n',
    });
    expect(allowed).toMatchObject({ ok: true });
    const refused = await cruise({
      'core/sale.test.ts': "import { host } from '../backend/host.ts';\nexport const x = host;\n",
      'backend/host.ts': 'export const host = 1;\n',
    });
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('core-tests-never-see-the-host');
    const benchInCore = await cruise({
      'core/chip.test.ts': "import { card } from '../simulator/card.ts';\nexport const x = card;\n",
      'simulator/card.ts': 'export const card = 1;\n',
    });
    expect(benchInCore.ok).toBe(false);
  });

  it('pass when core imports only protocol', async () => {
    const result = await cruise({
      'core/sale.ts': "import { pack } from '../protocol/codec.ts';\nexport const x = pack;\n",
      'protocol/codec.ts': 'export const pack = 1;\n',
    });
    expect(result).toMatchObject({ ok: true });
  });
});
