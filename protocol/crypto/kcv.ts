import { aesCmac } from './aes-cmac.ts';
import { CryptoInputError } from './errors.ts';
import { tdesEncryptEcb } from './tdes.ts';

/**
 * Key check values, so two parties can confirm they hold the same key without showing it.
 *
 * `keyCheckValue` is the legacy TDES check value (ANSI X9.24-1:2017 7.7.2): the key encrypts
 * one block of zeros and the leftmost bytes are kept (4 in the cup-pos sign-in, 3 on most HSM
 * printouts). It treats every 16-byte key as TDES, so an AES key needs `aesKeyCheckValue`: the
 * CMAC-based check value of X9.24-1:2017 annex A.3, AES-CMAC of a 16-byte zero block, leftmost
 * 5 bytes.
 */
export function keyCheckValue(key: Uint8Array, bytes = 4): Uint8Array {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 8) {
    throw new CryptoInputError('CRYPTO_BAD_LENGTH', `check value length must be 1 to 8 bytes, not ${bytes}`);
  }
  return tdesEncryptEcb(key, new Uint8Array(8)).slice(0, bytes);
}

export function aesKeyCheckValue(key: Uint8Array): Uint8Array {
  return aesCmac(key, new Uint8Array(16)).slice(0, 5);
}
