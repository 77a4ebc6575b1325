import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { GoldenComparison } from '../run-result.ts';

export interface GoldenOutcome {
  readonly comparison?: GoldenComparison;
  readonly problem?: string;
}

/**
 * Compares a printed receipt (PNG) with its golden image, pixel for pixel; with `update` the
 * printed image becomes the golden. Receipts are 1-bit renders, so any differing pixel is a
 * real difference: threshold 0, no anti-aliasing allowance.
 */
export function compareWithGolden(printed: Uint8Array, file: string, update: boolean): GoldenOutcome {
  const png = Buffer.from(printed).toString('base64');
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, printed);
    return { comparison: { file, png, mismatchedPixels: 0, updated: true } };
  }
  if (!existsSync(file)) return { problem: `no golden at ${file}: run with --update-goldens to write it` };
  const goldenBytes = readFileSync(file);
  const golden = PNG.sync.read(goldenBytes);
  const actual = PNG.sync.read(Buffer.from(printed));
  const goldenPng = goldenBytes.toString('base64');
  if (golden.width !== actual.width || golden.height !== actual.height) {
    return {
      comparison: { file, png: goldenPng, mismatchedPixels: Math.max(golden.width * golden.height, actual.width * actual.height) },
      problem: `size ${actual.width}×${actual.height}, golden ${golden.width}×${golden.height}`,
    };
  }
  const diff = new PNG({ width: golden.width, height: golden.height });
  const mismatchedPixels = pixelmatch(golden.data, actual.data, diff.data, golden.width, golden.height, { threshold: 0, includeAA: true });
  return {
    comparison: {
      file,
      png: goldenPng,
      mismatchedPixels,
      ...(mismatchedPixels > 0 ? { diff: PNG.sync.write(diff).toString('base64') } : {}),
    },
  };
}
