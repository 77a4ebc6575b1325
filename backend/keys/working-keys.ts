import type { Random } from '../../platform/random.ts';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
import { TdesKey, tdesEncryptEcb } from '../../protocol/crypto/tdes.ts';
import type { StoredWorkingKeys } from '../store/host-store.ts';
import { withOddParity } from './des-parity.ts';
import type { LocalMasterKey } from './local-master-key.ts';

const KEY_LENGTH = 16;
const KCV_LENGTH = 4;

export interface IssuedWorkingKeys {
  /** Sign-in field 62: PIN key under the TMK, its KCV, MAC key under the TMK, its KCV (40 bytes). */
  readonly field62: Uint8Array;
  /** The same two keys for the store, wrapped under the local master key. */
  readonly stored: StoredWorkingKeys;
}

/** A sign-in's keys unwrapped and ready to use: they hold node:crypto contexts, never plain bytes. */
export interface WorkingKeys {
  readonly pinKey: TdesKey;
  readonly macKey: RetailMacKey;
}

/**
 * Fresh PIN and MAC working keys for one sign-in. The clear keys exist only inside this call:
 * they leave it encrypted under the terminal master key (for the terminal) and under the local
 * master key (for the store).
 */
export function issueWorkingKeys(random: Random, terminalMasterKey: Uint8Array, lmk: LocalMasterKey): IssuedWorkingKeys {
  const pinKey = withOddParity(random.bytes(KEY_LENGTH));
  const macKey = withOddParity(random.bytes(KEY_LENGTH));
  const pinKcv = keyCheckValue(pinKey, KCV_LENGTH);
  const macKcv = keyCheckValue(macKey, KCV_LENGTH);

  const field62 = new Uint8Array(2 * (KEY_LENGTH + KCV_LENGTH));
  field62.set(tdesEncryptEcb(terminalMasterKey, pinKey), 0);
  field62.set(pinKcv, KEY_LENGTH);
  field62.set(tdesEncryptEcb(terminalMasterKey, macKey), KEY_LENGTH + KCV_LENGTH);
  field62.set(macKcv, 2 * KEY_LENGTH + KCV_LENGTH);

  const stored: StoredWorkingKeys = {
    pinKeyWrapped: lmk.wrap(pinKey),
    pinKeyKcv: hex(pinKcv),
    macKeyWrapped: lmk.wrap(macKey),
    macKeyKcv: hex(macKcv),
  };
  pinKey.fill(0);
  macKey.fill(0);
  return { field62, stored };
}

export function openWorkingKeys(stored: StoredWorkingKeys, lmk: LocalMasterKey): WorkingKeys {
  const pinKey = lmk.unwrap(stored.pinKeyWrapped);
  const macKey = lmk.unwrap(stored.macKeyWrapped);
  const keys = { pinKey: new TdesKey(pinKey), macKey: new RetailMacKey(macKey) };
  pinKey.fill(0);
  macKey.fill(0);
  return keys;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
