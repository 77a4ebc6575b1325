import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Database file paths for tests, each in a folder of its own (SQLite adds -wal and -shm files
 * beside it), removed after every test. Call once at a test file's top level.
 */
export function scratchDatabases(label: string): () => string {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return () => {
    const folder = mkdtempSync(join(tmpdir(), `poslab-${label}-`));
    folders.push(folder);
    return join(folder, 'host.sqlite');
  };
}
