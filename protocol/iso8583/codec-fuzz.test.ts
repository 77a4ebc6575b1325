import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { packMessage, unpackMessage } from './codec.ts';
import { cupPos } from './dialect-cup-pos.ts';
import { Iso8583Error } from './errors.ts';
import { messageArbitrary } from './testing/arbitrary-message.ts';

/** Unpack must end in a message or a peer Iso8583Error, never any other throw. */
function unpackOrTypedError(bytes: Uint8Array): Iso8583Error | undefined {
  try {
    unpackMessage(cupPos, bytes);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(Iso8583Error);
    expect((error as Iso8583Error).side).toBe('peer');
    return error as Iso8583Error;
  }
}

type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'flip'; at: number; bit: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
);

function mutate(bytes: Uint8Array, steps: readonly Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length;
    if (step.kind === 'set') out[at] = step.byte;
    else if (step.kind === 'flip') out[at] = (out[at] ?? 0) ^ (1 << step.bit);
    else if (step.kind === 'cut') out = out.slice(0, at);
    else out.splice(at, 0, step.byte);
  }
  return Uint8Array.from(out);
}

describe('unpack on hostile bytes', () => {
  it('throws only Iso8583Error for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        unpackOrTypedError(bytes);
      }),
      { seed: 20260101, numRuns: 3000 },
    );
  });

  it('throws only Iso8583Error for mutated valid messages, and never echoes the PAN or track', () => {
    fc.assert(
      fc.property(messageArbitrary(cupPos), fc.array(mutation, { minLength: 1, maxLength: 4 }), (message, steps) => {
        const error = unpackOrTypedError(mutate(packMessage(cupPos, message), steps));
        if (error === undefined) return;
        for (const id of [2, 35, 36]) {
          const secret = message.fields[id];
          if (typeof secret === 'string' && secret.length >= 8) expect(error.message).not.toContain(secret);
        }
      }),
      { seed: 4242, numRuns: 3000 },
    );
  });
});
