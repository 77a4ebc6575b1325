import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { cupPos } from './dialect-cup-pos.ts';
import type { FieldSpec } from './types.ts';

/**
 * The dialect table must say what docs/wire-dialect.md says. The "format" column reads like
 * `n..19 LLVAR BCD`, `ans...322 LLLVAR`, `an12` or `b64 (8 bytes)` (fixed b sizes there are bits).
 */
const doc = readFileSync(new URL('../../docs/wire-dialect.md', import.meta.url), 'utf8');

function documentedFields(): Array<Pick<FieldSpec, 'id' | 'format' | 'length' | 'max'>> {
  const section = doc.slice(doc.indexOf('## Fields'), doc.indexOf('## Messages'));
  const rows: Array<Pick<FieldSpec, 'id' | 'format' | 'length' | 'max'>> = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const id = Number(cells[1]);
    const match = /^(ans|an|n|z|b)(\.{2,3})?(\d+)/.exec(cells[3] ?? '');
    if (!Number.isInteger(id) || id === 0 || match === null) continue;
    const [, format, dots, size] = match as unknown as [string, FieldSpec['format'], string | undefined, string];
    // The LLVAR/LLLVAR word wins over the dots: field 36 is written `z..104 LLLVAR`.
    const cell = cells[3] ?? '';
    const length = cell.includes('LLLVAR') ? 'LLL' : cell.includes('LLVAR') ? 'LL' : dots === undefined ? 'fixed' : dots.length === 2 ? 'LL' : 'LLL';
    const max = format === 'b' && length === 'fixed' ? Number(size) / 8 : Number(size);
    rows.push({ id, format, length, max });
  }
  return rows;
}

describe('cup-pos dialect table', () => {
  it('has every field of docs/wire-dialect.md with the documented format, length kind and size', () => {
    const documented = documentedFields();
    expect(documented.length).toBeGreaterThan(30);
    const actual = [...cupPos.fields.values()].map(({ id, format, length, max }) => ({ id, format, length, max }));
    expect(actual).toEqual(documented);
  });

  it('marks the PAN, tracks, PIN block, ICC data, key data and MAC as sensitive', () => {
    const sensitive = [...cupPos.fields.values()].filter((spec) => spec.sensitive !== undefined).map((spec) => [spec.id, spec.sensitive]);
    expect(sensitive).toEqual([
      [2, 'pan'],
      [35, 'track'],
      [36, 'track'],
      [52, 'pin'],
      [55, 'icc'],
      [62, 'key'],
      [64, 'mac'],
    ]);
  });

  it('has the documented header: TPDU 60 and application header 60 22 00 00 00 00', () => {
    expect(cupPos.headerLength).toBe(11);
    expect([...cupPos.defaultHeader.tpdu]).toEqual([0x60, 0, 0, 0, 0]);
    expect([...cupPos.defaultHeader.appHeader]).toEqual([0x60, 0x22, 0, 0, 0, 0]);
  });
});
