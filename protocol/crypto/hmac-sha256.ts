import { hash } from 'node:crypto';

const BLOCK = 64;
const INNER_PAD = 0x36;
const OUTER_PAD = 0x5c;

/**
 * One HMAC-SHA256 key (RFC 2104) for many short ASCII messages, with OpenSSL's SHA-256 doing all
 * the hashing through node:crypto's one-shot `hash`. `createHmac` gives the same result but
 * builds a native object per message, and under load those objects' collection was a third
 * of the host's young-generation pause; here the padded keys are made once and each message
 * costs two one-shot hashes and no object.
 */
export class HmacSha256Key {
  /** The key XOR ipad, then room for the message. */
  #inner: Uint8Array;
  /** The key XOR opad, then the inner digest. */
  readonly #outer = new Uint8Array(BLOCK + 32);

  constructor(key: Uint8Array) {
    const block = new Uint8Array(BLOCK);
    block.set(key.length > BLOCK ? hash('sha256', key, 'buffer') : key);
    this.#inner = new Uint8Array(BLOCK + 64);
    for (let i = 0; i < BLOCK; i++) {
      this.#inner[i] = (block[i] as number) ^ INNER_PAD;
      this.#outer[i] = (block[i] as number) ^ OUTER_PAD;
    }
  }

  /** The MAC of `message`, one byte per character (ASCII), as 64 lowercase hex digits. */
  hex(message: string): string {
    if (BLOCK + message.length > this.#inner.length) {
      const grown = new Uint8Array(BLOCK + message.length);
      grown.set(this.#inner.subarray(0, BLOCK));
      this.#inner = grown;
    }
    const inner = this.#inner;
    for (let i = 0; i < message.length; i++) inner[BLOCK + i] = message.charCodeAt(i) & 0xff;
    // The inner digest comes back as a 'binary' (latin1) string, one character per byte: a Buffer would be
    // one more native allocation per message for the collector to sweep.
    const digest = hash('sha256', inner.subarray(0, BLOCK + message.length), 'binary');
    const outer = this.#outer;
    for (let i = 0; i < digest.length; i++) outer[BLOCK + i] = digest.charCodeAt(i);
    return hash('sha256', outer, 'hex');
  }
}
