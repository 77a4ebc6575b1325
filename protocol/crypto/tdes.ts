import { createCipheriv, createDecipheriv } from 'node:crypto';
import { runCipher } from './block-cipher.ts';
import { DesKey, putWord, wordAt } from './des.ts';
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
 * One TDES key kept ready for many ECB operations: its DES key schedules are made once, and a
 * block then runs through them in plain code (des.ts) with no native call and no Buffer, which
 * for the one or two blocks of a PIN block or key costs about half what node:crypto does.
 */
export class TdesKey {
  readonly #k1: DesKey;
  readonly #k2: DesKey;
  readonly #k3: DesKey;
  readonly #halves = new Int32Array(2);

  constructor(key: Uint8Array) {
    const full = tripleLengthKey(key);
    this.#k1 = new DesKey(full.subarray(0, BLOCK));
    // K1‖K2‖K1 and K‖K‖K share schedules rather than making equal ones again.
    this.#k2 = key.length === BLOCK ? this.#k1 : new DesKey(full.subarray(BLOCK, 2 * BLOCK));
    this.#k3 = key.length === 3 * BLOCK ? new DesKey(full.subarray(2 * BLOCK)) : this.#k1;
  }

  encryptEcb(data: Uint8Array): Uint8Array {
    return this.#ecb(data, true);
  }

  decryptEcb(data: Uint8Array): Uint8Array {
    return this.#ecb(data, false);
  }

  #ecb(data: Uint8Array, encrypt: boolean): Uint8Array {
    checkTdesBlocks(data);
    const out = new Uint8Array(data.length);
    const halves = this.#halves;
    for (let at = 0; at < data.length; at += BLOCK) {
      halves[0] = wordAt(data, at);
      halves[1] = wordAt(data, at + 4);
      if (encrypt) {
        this.#k1.encryptHalves(halves);
        this.#k2.decryptHalves(halves);
        this.#k3.encryptHalves(halves);
      } else {
        this.#k3.decryptHalves(halves);
        this.#k2.encryptHalves(halves);
        this.#k1.decryptHalves(halves);
      }
      putWord(out, at, halves[0] as number);
      putWord(out, at + 4, halves[1] as number);
    }
    return out;
  }
}
