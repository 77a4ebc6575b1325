import { createHmac } from 'node:crypto';
import type { Random } from '../../platform/random.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { TdesKey } from '../../protocol/crypto/tdes.ts';
import { HostError } from '../host-errors.ts';
import { withOddParity } from './des-parity.ts';

const KEY_LENGTH = 16;

/**
 * The host's local master key (LMK): every key the host stores is encrypted under it, and the
 * secrets that turn PANs and PINs into tokens are derived from it. It lives only in memory;
 * the database keeps its check value, so a host started with the wrong LMK refuses the file
 * instead of failing every MAC.
 */
export class LocalMasterKey {
  readonly #key: Uint8Array;
  readonly #cipher: TdesKey;

  constructor(key: Uint8Array) {
    if (key.length !== KEY_LENGTH) {
      throw new HostError('HOST_INVALID', `local master key must be ${KEY_LENGTH} bytes, not ${key.length}`);
    }
    this.#key = key.slice();
    this.#cipher = new TdesKey(key);
  }

  static generate(random: Random): LocalMasterKey {
    return new LocalMasterKey(withOddParity(random.bytes(KEY_LENGTH)));
  }

  /** Hex of the 4-byte TDES check value: safe to store and to show. */
  get checkValue(): string {
    return Buffer.from(keyCheckValue(this.#key, 4)).toString('hex').toUpperCase();
  }

  wrap(clearKey: Uint8Array): Uint8Array {
    return this.#cipher.encryptEcb(clearKey);
  }

  unwrap(wrappedKey: Uint8Array): Uint8Array {
    return this.#cipher.decryptEcb(wrappedKey);
  }

  /** A 32-byte secret for one purpose, so no two uses of the LMK share a key. */
  derive(purpose: string): Uint8Array {
    return new Uint8Array(createHmac('sha256', this.#key).update(`poslab-lmk:${purpose}`, 'utf8').digest());
  }
}
