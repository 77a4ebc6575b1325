import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FramingError, LengthFrameDecoder, encodeLengthFrame } from './length-prefixed.ts';

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('encodeLengthFrame', () => {
  it('puts a 2-byte big-endian length in front', () => {
    expect([...encodeLengthFrame(Uint8Array.of(0xaa, 0xbb, 0xcc))]).toEqual([0x00, 0x03, 0xaa, 0xbb, 0xcc]);
    expect([...encodeLengthFrame(new Uint8Array(0x1234)).subarray(0, 2)]).toEqual([0x12, 0x34]);
    expect([...encodeLengthFrame(new Uint8Array())]).toEqual([0, 0]);
  });

  it('refuses a payload over 65535 bytes', () => {
    expect(() => encodeLengthFrame(new Uint8Array(0x10000))).toThrow(FramingError);
  });
});

describe('LengthFrameDecoder', () => {
  it('returns nothing until a frame is whole, then the frame', () => {
    const decoder = new LengthFrameDecoder();
    expect(decoder.push(Uint8Array.of(0x00))).toEqual([]);
    expect(decoder.push(Uint8Array.of(0x02, 0x41))).toEqual([]);
    expect(decoder.push(Uint8Array.of(0x42, 0x00, 0x00, 0x00))).toEqual([Uint8Array.of(0x41, 0x42), new Uint8Array()]);
  });

  it('hands back copies that later pushes do not overwrite', () => {
    const decoder = new LengthFrameDecoder();
    const [first] = decoder.push(encodeLengthFrame(Uint8Array.of(1, 2, 3)));
    decoder.push(encodeLengthFrame(Uint8Array.of(9, 9, 9)));
    expect([...first!]).toEqual([1, 2, 3]);
  });

  it('throws FRAME_TOO_LONG for a declared length over the maximum, and keeps throwing', () => {
    const decoder = new LengthFrameDecoder(100);
    expect(decoder.push(encodeLengthFrame(new Uint8Array(100)))).toHaveLength(1);
    const push = (): unknown => decoder.push(Uint8Array.of(0x00, 0x65));
    expect(push).toThrow(FramingError);
    try {
      push();
    } catch (error) {
      expect((error as FramingError).code).toBe('FRAME_TOO_LONG');
      expect((error as FramingError).side).toBe('peer');
    }
    expect(() => decoder.push(encodeLengthFrame(new Uint8Array(1)))).toThrow(FramingError);
  });

  it('uses 8192 as the default maximum', () => {
    expect(new LengthFrameDecoder().push(encodeLengthFrame(new Uint8Array(8192)))).toHaveLength(1);
    expect(() => new LengthFrameDecoder().push(Uint8Array.of(0x20, 0x01))).toThrow(FramingError);
  });

  it('yields the same frames however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (payloads, cuts) => {
          const decoder = new LengthFrameDecoder();
          const stream = concat(payloads.map(encodeLengthFrame));
          const frames = split(stream, cuts).flatMap((chunk) => decoder.push(chunk));
          expect(frames).toEqual(payloads);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  it('visits the same frames as views however the stream is chunked, interleaved with copying pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (payloads, cuts, copying) => {
          const decoder = new LengthFrameDecoder();
          const seen: Uint8Array[] = [];
          split(concat(payloads.map(encodeLengthFrame)), cuts).forEach((chunk, i) => {
            if (copying[i]) seen.push(...decoder.push(chunk));
            else decoder.eachFrame(chunk, (frame) => seen.push(frame.slice()));
          });
          expect(seen).toEqual(payloads);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it('visits the frames before a bad length, then throws', () => {
    const decoder = new LengthFrameDecoder(100);
    const seen: number[][] = [];
    const chunk = concat([encodeLengthFrame(Uint8Array.of(1)), encodeLengthFrame(Uint8Array.of(2)), Uint8Array.of(0x00, 0x65)]);
    expect(() => decoder.eachFrame(chunk, (frame) => seen.push([...frame]))).toThrow(FramingError);
    expect(seen).toEqual([[1], [2]]);
    expect(() => decoder.eachFrame(new Uint8Array(), () => {})).toThrow(FramingError);
  });

  it('keeps the frames after one whose visitor threw', () => {
    const decoder = new LengthFrameDecoder();
    const chunk = concat([encodeLengthFrame(Uint8Array.of(1)), encodeLengthFrame(Uint8Array.of(2)), encodeLengthFrame(Uint8Array.of(3))]);
    expect(() =>
      decoder.eachFrame(chunk, (frame) => {
        if (frame[0] === 1) throw new Error('reader failed');
      }),
    ).toThrow('reader failed');
    expect(decoder.push(new Uint8Array())).toEqual([Uint8Array.of(2), Uint8Array.of(3)]);
  });
});
