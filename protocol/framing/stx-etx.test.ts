import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ACK, MAX_STX_PAYLOAD, NAK, StxFrameDecoder, encodeStxFrame } from './stx-etx.ts';
import type { StxItem } from './stx-etx.ts';

function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('STX/ETX framing', () => {
  it('encodes the self-test command as in docs/devices.md', () => {
    // STX, LEN 0001, 'S', ETX, LRC = 00 ^ 01 ^ 53 ^ 03
    expect([...encodeStxFrame(Uint8Array.of(0x53))]).toEqual([0x02, 0x00, 0x01, 0x53, 0x03, 0x51]);
  });

  it('reports ACK and NAK between frames', () => {
    const items = new StxFrameDecoder().push(Uint8Array.of(ACK, 0x7f, NAK));
    expect(items).toEqual([{ kind: 'ack' }, { kind: 'nak' }]);
  });

  it('flags a bad LRC and a missing ETX, then resynchronises on the next STX', () => {
    const good = encodeStxFrame(Uint8Array.of(0x41, 0x00));
    const badLrc = good.slice();
    badLrc[badLrc.length - 1]! ^= 0xff;
    const noEtx = good.slice();
    noEtx[noEtx.length - 2] = 0x02;
    const decoder = new StxFrameDecoder();
    const items = decoder.push(concat([badLrc, noEtx.subarray(0, noEtx.length - 2), good]));
    expect(items.map((item) => item.kind)).toEqual(['bad-frame', 'bad-frame', 'frame']);
  });

  it('treats an oversized length as noise', () => {
    const items = new StxFrameDecoder().push(Uint8Array.of(0x02, 0xff, 0xff, ...encodeStxFrame(Uint8Array.of(1))));
    expect(items.map((item) => item.kind)).toEqual(['bad-frame', 'frame']);
  });

  it('refuses to encode a payload beyond the limit', () => {
    expect(() => encodeStxFrame(new Uint8Array(MAX_STX_PAYLOAD + 1))).toThrow(RangeError);
  });

  it('round-trips any sequence of payloads across any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (payloads, cuts) => {
          const wire = concat(payloads.map(encodeStxFrame));
          const decoder = new StxFrameDecoder();
          const items = chunked(wire, cuts).flatMap((chunk) => decoder.push(chunk));
          expect(items).toEqual(payloads.map((payload) => ({ kind: 'frame', payload })));
        },
      ),
      { seed: 8583, numRuns: 200 },
    );
  });

  it('never throws on garbage and still decodes a frame that follows it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.uint8Array({ maxLength: 40 }), (garbage, payload) => {
        const decoder = new StxFrameDecoder();
        decoder.push(garbage);
        // Garbage may leave the decoder inside a bogus frame; a run of non-STX bytes bigger than
        // any frame it could have opened flushes it, as a real line goes quiet between bursts.
        decoder.push(new Uint8Array(MAX_STX_PAYLOAD + 5).fill(0x55));
        const items: StxItem[] = decoder.push(encodeStxFrame(payload));
        expect(items).toEqual([{ kind: 'frame', payload }]);
      }),
      { seed: 9564, numRuns: 200 },
    );
  });
});
