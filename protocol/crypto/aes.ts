import { createCipheriv, createDecipheriv } from 'node:crypto';
import { runCipher } from './block-cipher.ts';
import { CryptoInputError } from './errors.ts';

/** AES block operations from node:crypto, without padding: data must be whole 16-byte blocks. */

const BLOCK = 16;

function mode(key: Uint8Array, chaining: 'ecb' | 'cbc'): `aes-${128 | 192 | 256}-${'ecb' | 'cbc'}` {
  switch (key.length) {
    case 16:
      return `aes-128-${chaining}`;
    case 24:
      return `aes-192-${chaining}`;
    case 32:
      return `aes-256-${chaining}`;
    default:
      throw new CryptoInputError('CRYPTO_BAD_KEY', `AES key must be 16, 24 or 32 bytes, not ${key.length}`);
  }
}

function checkBlocks(data: Uint8Array): void {
  if (data.length % BLOCK !== 0) {
    throw new CryptoInputError('CRYPTO_BAD_LENGTH', `AES data must be a multiple of 16 bytes, not ${data.length}`);
  }
}

export function aesEncryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array {
  checkBlocks(data);
  return runCipher(createCipheriv(mode(key, 'ecb'), key, null), data);
}

export function aesDecryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array {
  checkBlocks(data);
  return runCipher(createDecipheriv(mode(key, 'ecb'), key, null), data);
}

/** CBC with a zero IV: the chaining step of CBC-MAC constructions. */
export function aesEncryptCbcZeroIv(key: Uint8Array, data: Uint8Array): Uint8Array {
  checkBlocks(data);
  return runCipher(createCipheriv(mode(key, 'cbc'), key, new Uint8Array(BLOCK)), data);
}
