/**
 * Golden receipt images: a test renders a receipt and compares it, pixel for pixel with
 * pixelmatch, against a committed PNG in this folder. A golden changes only on purpose:
 * run the tests with `UPDATE_GOLDENS=1` to write the new images, then look at them and
 * commit them. A missing golden fails the test rather than being created silently. On a
 * mismatch the actual image and a diff image are written to .tmp/goldens/ to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const GOLDENS = fileURLToPath(new URL('.', import.meta.url));
const FAILURES = fileURLToPath(new URL('../../../.tmp/goldens/', import.meta.url));

export interface GoldenResult {
  /** Pixels that differ; 0 when the image matches (or was just written on purpose). */
  readonly differentPixels: number;
  readonly message: string;
}

export function goldenPath(name: string): string {
  return `${GOLDENS}${name}.png`;
}

export function compareWithGolden(name: string, png: Uint8Array, env: NodeJS.ProcessEnv = process.env): GoldenResult {
  const path = goldenPath(name);
  if (env.UPDATE_GOLDENS === '1') {
    writeFileSync(path, png);
    return { differentPixels: 0, message: `wrote golden ${path}` };
  }
  if (!existsSync(path)) {
    return { differentPixels: Number.POSITIVE_INFINITY, message: `no golden ${path}: run with UPDATE_GOLDENS=1 to create it, then look at it` };
  }
  const expected = PNG.sync.read(readFileSync(path));
  const actual = PNG.sync.read(Buffer.from(png));
  mkdirSync(FAILURES, { recursive: true });
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(`${FAILURES}${name}.actual.png`, png);
    return {
      differentPixels: Number.POSITIVE_INFINITY,
      message: `${name}: ${actual.width}x${actual.height} instead of ${expected.width}x${expected.height} (actual in ${FAILURES})`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differentPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0 });
  if (differentPixels > 0) {
    writeFileSync(`${FAILURES}${name}.actual.png`, png);
    writeFileSync(`${FAILURES}${name}.diff.png`, PNG.sync.write(diff));
  }
  return { differentPixels, message: `${name}: ${differentPixels} pixels differ (actual and diff in ${FAILURES})` };
}
