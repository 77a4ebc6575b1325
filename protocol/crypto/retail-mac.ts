import { CryptoInputError } from './errors.ts';
import { tdesDecryptEcb, tdesEncryptCbc, tdesEncryptEcb } from './tdes.ts';

/**
 * ISO/IEC 9797-1 MAC algorithm 3 (the "retail MAC", ANSI X9.19) with padding method 1: data is
 * zero-padded to whole 8-byte blocks (nothing added when already whole; empty data becomes one
 * zero block), chained with single DES under K1, and the last block is then decrypted under K2
 * and encrypted again under K1. The full 8-byte result is returned.
 */
export function retailMac(key16: Uint8Array, data: Uint8Array): Uint8Array {
  if (key16.length !== 16) {
    throw new CryptoInputError('CRYPTO_BAD_KEY', `retail MAC key must be 16 bytes, not ${key16.length}`);
  }
  const k1 = key16.subarray(0, 8);
  const k2 = key16.subarray(8, 16);
  const padded = new Uint8Array(Math.max(8, Math.ceil(data.length / 8) * 8));
  padded.set(data);
  const chained = tdesEncryptCbc(k1, padded);
  const last = chained.subarray(chained.length - 8);
  return tdesEncryptEcb(k1, tdesDecryptEcb(k2, last));
}
