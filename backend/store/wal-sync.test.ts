import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync.ts';

const folders: string[] = [];
function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'poslab-wal-sync-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Asks for a sync and resolves with its outcome, noting the order of callbacks in `calls`. */
function synced(wal: WalSync, calls: string[], name: string): Promise<Error | undefined> {
  return new Promise((resolve) =>
    wal.sync((error) => {
      calls.push(name);
      resolve(error);
    }),
  );
}

describe('WAL sync on the thread pool', () => {
  it('calls back after the disk, in the order asked, never before the call returns', async () => {
    const path = join(scratchFolder(), 'host.sqlite-wal');
    writeFileSync(path, 'frames');
    const wal = new WalSync(path);
    const calls: string[] = [];
    const all = Promise.all(['a', 'b', 'c'].map((name) => synced(wal, calls, name)));
    expect(calls).toEqual([]);
    expect(await all).toEqual([undefined, undefined, undefined]);
    expect(calls).toEqual(['a', 'b', 'c']);
    wal.close();
  });

  it('fails every sync after one has failed, even once the file is there', async () => {
    const path = join(scratchFolder(), 'host.sqlite-wal');
    const wal = new WalSync(path);
    const calls: string[] = [];
    const first = await synced(wal, calls, 'first');
    expect(first).toMatchObject({ code: 'ENOENT' });
    writeFileSync(path, 'frames');
    expect(await synced(wal, calls, 'second')).toBe(first);
    wal.close();
  });
});
