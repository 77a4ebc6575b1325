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
 * A retail MAC key with its three single-DES contexts (CBC under K1, ECB decrypt under K2, ECB
 * encrypt under K1) built once, for a key that signs many messages: building the contexts cost
 * more than the MAC of a typical ISO 8583 message. The CBC context is never finalised; it
 * carries on from the last ciphertext block of the message before, so that block is XORed
 * into the first block of the next message, which then chains exactly as from a zero IV.
 */
export class RetailMacKey {
  readonly #chain: Cipher;
  readonly #k2: TdesKey;
  readonly #k1: TdesKey;
  /** The CBC context's current chaining value: the last block it produced. */
  #carried = new Uint8Array(BLOCK);

  constructor(key16: Uint8Array) {
    if (key16.length !== 16) {
      throw new CryptoInputError('CRYPTO_BAD_KEY', `retail MAC key must be 16 bytes, not ${key16.length}`);
    }
    const k1 = key16.subarray(0, BLOCK);
    this.#k1 = new TdesKey(k1);
    this.#k2 = new TdesKey(key16.subarray(BLOCK, 2 * BLOCK));
    this.#chain = createCipheriv('des-ede3-cbc', tripleLengthKey(k1), new Uint8Array(BLOCK));
    this.#chain.setAutoPadding(false);
  }

  mac(data: Uint8Array): Uint8Array {
    const padded = new Uint8Array(Math.max(BLOCK, Math.ceil(data.length / BLOCK) * BLOCK));
    padded.set(data);
    for (let i = 0; i < BLOCK; i++) padded[i] = (padded[i] as number) ^ (this.#carried[i] as number);
    const chained = this.#chain.update(padded);
    const last = chained.subarray(chained.length - BLOCK);
    this.#carried = new Uint8Array(last);
    return this.#k1.encryptEcb(this.#k2.decryptEcb(last));
  }
}
