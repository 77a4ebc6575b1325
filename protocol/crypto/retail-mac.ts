import { DesKey, putWord, wordAt } from './des.ts';
import { CryptoInputError } from './errors.ts';

/**
 * ISO/IEC 9797-1 MAC algorithm 3 (the "retail MAC", ANSI X9.19) with padding method 1: data is
 * zero-padded to whole 8-byte blocks (nothing added when already whole; empty data becomes one
 * zero block), chained with single DES under K1, and the last block is then decrypted under K2
 * and encrypted again under K1. The full 8-byte result is returned.
 */
export function retailMac(key16: Uint8Array, data: Uint8Array): Uint8Array {
  return new RetailMacKey(key16).mac(data);
}

const BLOCK = 8;

/**
 * A retail MAC key with its two DES key schedules made once, for a key that signs many
 * messages: making them costs about as much as the MAC of a typical ISO 8583 message.
 */
export class RetailMacKey {
  readonly #k1: DesKey;
  readonly #k2: DesKey;
  /** The chaining block as two big-endian halves, and the zero-padded last block: both reused by every MAC. */
  readonly #block = new Int32Array(2);
  readonly #tail = new Uint8Array(BLOCK);

  constructor(key16: Uint8Array) {
    if (key16.length !== 16) {
      throw new CryptoInputError('CRYPTO_BAD_KEY', `retail MAC key must be 16 bytes, not ${key16.length}`);
    }
    this.#k1 = new DesKey(key16.subarray(0, BLOCK));
    this.#k2 = new DesKey(key16.subarray(BLOCK));
  }

  mac(data: Uint8Array): Uint8Array {
    const block = this.#block;
    block[0] = 0;
    block[1] = 0;
    const whole = data.length - (data.length % BLOCK);
    for (let at = 0; at < whole; at += BLOCK) this.#chain(data, at);
    if (whole < data.length || data.length === 0) {
      const tail = this.#tail.fill(0);
      for (let i = whole; i < data.length; i++) tail[i - whole] = data[i] as number;
      this.#chain(tail, 0);
    }
    this.#k2.decryptHalves(block);
    this.#k1.encryptHalves(block);
    const mac = new Uint8Array(BLOCK);
    putWord(mac, 0, block[0] as number);
    putWord(mac, 4, block[1] as number);
    return mac;
  }

  #chain(bytes: Uint8Array, at: number): void {
    const block = this.#block;
    block[0] = (block[0] as number) ^ wordAt(bytes, at);
    block[1] = (block[1] as number) ^ wordAt(bytes, at + 4);
    this.#k1.encryptHalves(block);
  }
}
