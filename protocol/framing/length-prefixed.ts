import { PoslabError } from '../../platform/errors.ts';
import type { ErrorSide } from '../../platform/errors.ts';

/**
 * The host link's framing: a 2-byte big-endian length, then that many bytes. The decoder is fed
 * whatever chunks the stream delivers and hands back whole frames only.
 */

export class FramingError extends PoslabError {
  constructor(message: string, side: ErrorSide) {
    super('FRAME_TOO_LONG', message, { side });
  }
}

const MAX_ENCODABLE = 0xffff;

export function encodeLengthFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_ENCODABLE) {
    throw new FramingError(`payload of ${payload.length} bytes does not fit a 2-byte length`, 'local');
  }
  const frame = new Uint8Array(payload.length + 2);
  frame[0] = payload.length >> 8;
  frame[1] = payload.length & 0xff;
  frame.set(payload, 2);
  return frame;
}

/**
 * After a declared length over `maxLength` the stream cannot be trusted to find the next frame,
 * so the decoder throws on that push and on every push after it: close the connection.
 */
export class LengthFrameDecoder {
  private buffer = new Uint8Array(512);
  private start = 0;
  private end = 0;
  private failure: FramingError | undefined;

  constructor(private readonly maxLength = 8192) {}

  /** Whole frames completed by `chunk`, each a copy of its own. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    this.eachFrame(chunk, (frame) => frames.push(frame.slice()));
    return frames;
  }

  /**
   * As `push`, but hands each whole frame to `visit` as a view into the decoder's own buffer,
   * valid only until `visit` returns: a reader that is done with a frame when it returns (the
   * host answers synchronously) pays for no copy and no off-heap array per frame. Frames before a
   * bad length are visited before it throws; if `visit` throws, the frames after it stay held.
   */
  eachFrame(chunk: Uint8Array, visit: (frame: Uint8Array) => void): void {
    if (this.failure !== undefined) throw this.failure;
    this.append(chunk);
    const buffer = this.buffer;
    while (this.end - this.start >= 2) {
      const length = ((buffer[this.start] as number) << 8) | (buffer[this.start + 1] as number);
      if (length > this.maxLength) {
        this.failure = new FramingError(`declared frame length ${length} exceeds ${this.maxLength}`, 'peer');
        throw this.failure;
      }
      if (this.end - this.start < 2 + length) break;
      const at = this.start + 2;
      this.start = at + length;
      visit(buffer.subarray(at, at + length));
    }
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
  }

  private append(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.buffer.length) {
      const held = this.end - this.start;
      if (held + chunk.length <= this.buffer.length) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(held + chunk.length, this.buffer.length * 2));
        grown.set(this.buffer.subarray(this.start, this.end));
        this.buffer = grown;
      }
      this.start = 0;
      this.end = held;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }
}
