import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Cipher, Decipher } from 'node:crypto';
import { runCipher } from './block-cipher.ts';
import { CryptoInputError } from './errors.ts';

/**
 * Triple DES from node:crypto. OpenSSL 3 has no single DES, so an 8-byte key runs as K‖K‖K
 * (which is single DES, as the middle decrypt undoes the first encrypt) and a double-length key
 * as K1‖K2‖K1. No padding is added: data must be whole 8-byte blocks.
 */
const BLOCK = 8;

export function tripleLengthKey(key: Uint8Array): Uint8Array {
  switch (key.length) {
    case 8: {
      const out = new Uint8Array(24);
      out.set(key, 0);
      out.set(key, 8);
      out.set(key, 16);
      return out;
    }
    case 16: {
      const out = new Uint8Array(24);
      out.set(key, 0);
      out.set(key.subarray(0, 8), 16);
      return out;
    }
    case 24:
      return key;
    default:
      throw new CryptoInputError('CRYPTO_BAD_KEY', `TDES key must be 8, 16 or 24 bytes, not ${key.length}`);
  }
}

function checkTdesBlocks(data: Uint8Array): void {
  if (data.length % BLOCK !== 0) {
    throw new CryptoInputError('CRYPTO_BAD_LENGTH', `TDES data must be a multiple of 8 bytes, not ${data.length}`);
  }
}

export function tdesEncryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array {
  checkTdesBlocks(data);
  return runCipher(createCipheriv('des-ede3-ecb', tripleLengthKey(key), null), data);
}

export function tdesDecryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array {
  checkTdesBlocks(data);
  return runCipher(createDecipheriv('des-ede3-ecb', tripleLengthKey(key), null), data);
}

/** CBC with a zero IV unless one is given. */
export function tdesEncryptCbc(key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(BLOCK)): Uint8Array {
  checkTdesBlocks(data);
  if (iv.length !== BLOCK) throw new CryptoInputError('CRYPTO_BAD_LENGTH', `TDES IV must be 8 bytes, not ${iv.length}`);
  return runCipher(createCipheriv('des-ede3-cbc', tripleLengthKey(key), iv), data);
}

/**
 * One TDES key kept ready for many ECB operations. Building a node:crypto context costs about
 * three times as much as running a block through one, and ECB has no state between blocks, so
 * each direction's context is made once (on first use) and fed whole blocks from then on,
 * never finalised. For a key used once, the plain functions above cost the same.
 */
export class TdesKey {
  readonly #key: Uint8Array;
  #encrypt: Cipher | undefined;
  #decrypt: Decipher | undefined;

  constructor(key: Uint8Array) {
    this.#key = tripleLengthKey(key).slice();
  }

  encryptEcb(data: Uint8Array): Uint8Array {
    checkTdesBlocks(data);
    this.#encrypt ??= ecbContext(createCipheriv('des-ede3-ecb', this.#key, null));
    return copyOf(this.#encrypt.update(data));
  }

  decryptEcb(data: Uint8Array): Uint8Array {
    checkTdesBlocks(data);
    this.#decrypt ??= ecbContext(createDecipheriv('des-ede3-ecb', this.#key, null));
    return copyOf(this.#decrypt.update(data));
  }
}

function ecbContext<T extends Cipher | Decipher>(context: T): T {
  context.setAutoPadding(false);
  return context;
}

/** A plain Uint8Array, not a Buffer that may sit in Node's shared pool. */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
