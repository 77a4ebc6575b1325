import fc from 'fast-check';
import type { Dialect, FieldSpec, FieldValue, IsoMessage } from '../types.ts';

/** fast-check generators for valid ISO 8583 messages of any dialect, for property tests. */

const DIGITS = '0123456789'.split('');
const TRACK = [...DIGITS, '='];
const ALNUM = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '];
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));

function valueArbitrary(spec: FieldSpec): fc.Arbitrary<FieldValue> {
  const minLength = spec.length === 'fixed' ? spec.max : 0;
  const size = { minLength, maxLength: spec.max };
  switch (spec.format) {
    case 'n':
      return fc.string({ unit: fc.constantFrom(...DIGITS), ...size });
    case 'z':
      return fc.string({ unit: fc.constantFrom(...TRACK), ...size });
    case 'an':
      return fc.string({ unit: fc.constantFrom(...ALNUM), ...size });
    case 'ans':
      return fc.string({ unit: fc.constantFrom(...PRINTABLE), ...size });
    case 'b':
      return fc.uint8Array(size);
  }
}

/** Any message the dialect can carry: each field present or not, values valid for its spec. */
export function messageArbitrary(dialect: Dialect): fc.Arbitrary<IsoMessage> {
  const model: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const spec of dialect.fields.values()) model[spec.id] = valueArbitrary(spec);
  return fc.record({
    mti: fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 4, maxLength: 4 }),
    fields: fc.record(model, { requiredKeys: [] }),
  });
}
