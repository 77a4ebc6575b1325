import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_DIR, DIST_DIR, WEB_DIR, sandboxViteConfig, type SandboxBuild } from '../vite.config.ts';

async function newestChange(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestChange(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

/** The built page is missing or older than a source of it (the app or the shared API types). */
async function isStale(outDir: string): Promise<boolean> {
  const built = await stat(join(outDir, 'index.html')).catch(() => undefined);
  if (!built) return true;
  const sources = Math.max(await newestChange(APP_DIR), await newestChange(join(WEB_DIR, 'shared')));
  return sources > built.mtimeMs;
}

export async function buildApp(options: SandboxBuild = {}): Promise<void> {
  const { build } = await import('vite');
  await build(sandboxViteConfig(options));
}

/**
 * Builds the React app with Vite when web/dist is missing or out of date, so a fresh clone
 * needs only `npx poslab sandbox`. Returns whether it had to build.
 */
export async function ensureAppBuilt(onBuild: () => void = () => {}): Promise<boolean> {
  if (!(await isStale(DIST_DIR))) return false;
  onBuild();
  await buildApp();
  return true;
}
