import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type InlineConfig } from 'vite';

/** The web/ folder, wherever the repository was cloned. */
export const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
export const APP_DIR = join(WEB_DIR, 'app');
export const DIST_DIR = join(WEB_DIR, 'dist');

export interface SandboxBuild {
  /** Where the built files go; web/dist by default. */
  readonly outDir?: string;
  /** HTML entry pages under web/app, e.g. the component tests' `test/mocked.html`; index.html by default. */
  readonly pages?: readonly string[];
}

/**
 * The one Vite configuration of the sandbox app, used by `poslab sandbox` (through Vite's API,
 * with no config file lookup) and by `npx vite build --config web/vite.config.ts`. Nothing is
 * fetched at build or run time: the page is self-contained and works offline.
 */
export function sandboxViteConfig(options: SandboxBuild = {}): InlineConfig {
  const pages = options.pages ?? ['index.html'];
  return {
    configFile: false,
    root: APP_DIR,
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: options.outDir ?? DIST_DIR,
      emptyOutDir: true,
      sourcemap: false,
      // The component tests' page bundles msw as well; size is no concern for a local tool.
      chunkSizeWarningLimit: 2_000,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page.replace(/\.html$/, '').replace(/\W+/g, '-'), join(APP_DIR, page)])) },
    },
  };
}

export default defineConfig(sandboxViteConfig());
