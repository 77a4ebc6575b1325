import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { compareWithGolden, goldenPath } from './golden.ts';

describe('golden image comparison', () => {
  const name = 'sale-merchant-384';
  const golden = new Uint8Array(readFileSync(goldenPath(name)));

  it('matches an identical image and counts a changed dot', () => {
    expect(compareWithGolden(name, golden, {}).differentPixels).toBe(0);
    const image = PNG.sync.read(Buffer.from(golden));
    image.data[0] = 255 - image.data[0]!;
    image.data[1] = image.data[0]!;
    image.data[2] = image.data[0]!;
    expect(compareWithGolden(name, new Uint8Array(PNG.sync.write(image)), {}).differentPixels).toBe(1);
  });

  it('fails a missing golden or a different size instead of writing one', () => {
    expect(compareWithGolden('no-such-golden', golden, {})).toMatchObject({ differentPixels: Infinity, message: expect.stringMatching(/UPDATE_GOLDENS=1/) });
    const smaller = new PNG({ width: 8, height: 8 });
    expect(compareWithGolden(name, new Uint8Array(PNG.sync.write(smaller)), {}).differentPixels).toBe(Infinity);
  });
});
