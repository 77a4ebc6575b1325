import { createCipheriv } from 'node:crypto';
import type { Cipher } from 'node:crypto';
import { CryptoInputError } from './errors.ts';
import { TdesKey, tripleLengthKey } from './tdes.ts';

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
 * A retail MAC key with its two contexts built once, for a key that signs many messages:
 * building contexts cost more than the MAC of a typical ISO 8583 message. The last block's
 * single-DES encryption under K1, decryption under K2 and encryption under K1 together are one
 * two-key TDES encryption (K1‖K2‖K1), so the MAC is single-DES CBC under K1 over every block
 * but the last, then TDES of the last block XORed with that chain's output. The CBC context is
 * never finalised; it carries on from the last block of the message before, so that block is
 * XORed into the first block of the next message, which then chains exactly as from a zero IV.
 */
export class RetailMacKey {
  readonly #chain: Cipher;
  readonly #final: TdesKey;
  /** The CBC context's current chaining value: the last block it produced. */
  readonly #carried = new Uint8Array(BLOCK);
  /**
   * The padded message is built here, not in a new array per MAC: arrays this size live outside
   * the JS heap, and each one is a native allocation the collector has to sweep.
   */
  #scratch = new Uint8Array(256);

  constructor(key16: Uint8Array) {
    if (key16.length !== 16) {
      throw new CryptoInputError('CRYPTO_BAD_KEY', `retail MAC key must be 16 bytes, not ${key16.length}`);
    }
    this.#final = new TdesKey(key16);
    this.#chain = createCipheriv('des-ede3-cbc', tripleLengthKey(key16.subarray(0, BLOCK)), new Uint8Array(BLOCK));
    this.#chain.setAutoPadding(false);
  }

  mac(data: Uint8Array): Uint8Array {
    const length = Math.max(BLOCK, Math.ceil(data.length / BLOCK) * BLOCK);
    if (length > this.#scratch.length) this.#scratch = new Uint8Array(Math.max(length, this.#scratch.length * 2));
    const padded = this.#scratch;
    padded.set(data);
    padded.fill(0, data.length, length);
    const lastAt = length - BLOCK;
    const carried = this.#carried;
    if (lastAt > 0) {
      for (let i = 0; i < BLOCK; i++) padded[i] = (padded[i] as number) ^ (carried[i] as number);
      const chained = this.#chain.update(padded.subarray(0, lastAt));
      // Copied byte by byte into arrays kept with the key: views and copies per MAC are garbage.
      const chainedLast = chained.length - BLOCK;
      for (let i = 0; i < BLOCK; i++) {
        carried[i] = chained[chainedLast + i] as number;
        padded[lastAt + i] = (padded[lastAt + i] as number) ^ (carried[i] as number);
      }
    }
    return this.#final.encryptEcb(padded.subarray(lastAt, length));
  }
}
