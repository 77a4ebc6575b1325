/**
 * The framing the PIN pad and card reader speak (docs/devices.md):
 * `STX LEN(2, big-endian) PAYLOAD ETX LRC`, LRC = XOR of LEN..ETX, with bare ACK/NAK bytes
 * between frames. The decoder does no I/O: chunks in, items out. A frame whose ETX or LRC is
 * wrong, or whose length exceeds `MAX_STX_PAYLOAD`, is reported as `bad-frame` and the decoder
 * hunts for the next STX; other bytes between frames are line noise and are skipped.
 */
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

/** No device command or answer comes near this; a larger LEN is noise, not a frame. */
export const MAX_STX_PAYLOAD = 2048;

export type StxItem =
  | { readonly kind: 'frame'; readonly payload: Uint8Array }
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak' }
  | { readonly kind: 'bad-frame' };

export function encodeStxFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_STX_PAYLOAD) throw new RangeError(`frame payload of ${payload.length} bytes exceeds ${MAX_STX_PAYLOAD}`);
  const frame = new Uint8Array(payload.length + 5);
  frame[0] = STX;
  frame[1] = payload.length >> 8;
  frame[2] = payload.length & 0xff;
  frame.set(payload, 3);
  frame[payload.length + 3] = ETX;
  frame[payload.length + 4] = lrc(frame.subarray(1, payload.length + 4));
  return frame;
}

function lrc(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value ^= byte;
  return value;
}

type State = 'hunt' | 'len-high' | 'len-low' | 'payload' | 'etx' | 'lrc';

export class StxFrameDecoder {
  private state: State = 'hunt';
  private length = 0;
  private payload = new Uint8Array(0);
  private filled = 0;
  private check = 0;

  push(chunk: Uint8Array): StxItem[] {
    const items: StxItem[] = [];
    for (const byte of chunk) {
      const item = this.step(byte);
      if (item) items.push(item);
    }
    return items;
  }

  private step(byte: number): StxItem | undefined {
    switch (this.state) {
      case 'hunt':
        if (byte === STX) this.state = 'len-high';
        else if (byte === ACK) return { kind: 'ack' };
        else if (byte === NAK) return { kind: 'nak' };
        return undefined;
      case 'len-high':
        this.length = byte << 8;
        this.check = byte;
        this.state = 'len-low';
        return undefined;
      case 'len-low':
        this.length |= byte;
        this.check ^= byte;
        if (this.length > MAX_STX_PAYLOAD) return this.fail(byte);
        this.payload = new Uint8Array(this.length);
        this.filled = 0;
        this.state = this.length === 0 ? 'etx' : 'payload';
        return undefined;
      case 'payload':
        this.payload[this.filled++] = byte;
        this.check ^= byte;
        if (this.filled === this.length) this.state = 'etx';
        return undefined;
      case 'etx':
        if (byte !== ETX) return this.fail(byte);
        this.check ^= byte;
        this.state = 'lrc';
        return undefined;
      case 'lrc':
        this.state = 'hunt';
        return byte === this.check ? { kind: 'frame', payload: this.payload } : { kind: 'bad-frame' };
    }
  }

  /** The offending byte may itself open the next frame, so resynchronise on it. */
  private fail(byte: number): StxItem {
    this.state = byte === STX ? 'len-high' : 'hunt';
    return { kind: 'bad-frame' };
  }
}
