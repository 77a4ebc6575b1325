import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compareWithGolden } from './receipt-golden.ts';

function png(width: number, height: number, dark: [number, number][] = []): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(255);
  for (const [x, y] of dark) image.data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return PNG.sync.write(image);
}

describe('compareWithGolden', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'poslab-golden-')), 'nested', 'receipt.png');

  it('asks for --update-goldens when there is no golden, then writes one when told', () => {
    expect(compareWithGolden(png(8, 8), file, false).problem).toMatch(/no golden at .*--update-goldens/);
    expect(compareWithGolden(png(8, 8), file, true).comparison).toMatchObject({ updated: true, mismatchedPixels: 0 });
  });

  it('counts differing pixels and draws a diff, or reports a size change', () => {
    expect(compareWithGolden(png(8, 8), file, false).comparison).toMatchObject({ mismatchedPixels: 0 });
    const changed = compareWithGolden(png(8, 8, [[1, 1], [2, 2]]), file, false).comparison!;
    expect(changed.mismatchedPixels).toBe(2);
    expect(changed.diff).toBeDefined();
    expect(compareWithGolden(png(8, 9), file, false).problem).toBe('size 8×9, golden 8×8');
  });
});
