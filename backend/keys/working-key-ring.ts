import type { StoredWorkingKeys } from '../store/host-store.ts';
import type { LocalMasterKey } from './local-master-key.ts';
import { openWorkingKeys } from './working-keys.ts';
import type { WorkingKeys } from './working-keys.ts';

interface Held {
  readonly pinKeyWrapped: Uint8Array;
  readonly macKeyWrapped: Uint8Array;
  readonly keys: WorkingKeys;
}

/**
 * Each terminal's working keys from its current sign-in, unwrapped from the LMK once and kept
 * as ready cipher contexts, so a request costs no unwrapping and no context building. Held in
 * this process's memory only: nothing here is ever written. An entry answers only while the
 * store still holds the very same wrapped keys, and a sign-in forgets the old entry at once,
 * so keys from an earlier sign-in never verify a MAC after the next one.
 */
export class WorkingKeyRing {
  readonly #held = new Map<string, Held>();

  constructor(private readonly lmk: LocalMasterKey) {}

  keysOf(terminalId: string, stored: StoredWorkingKeys): WorkingKeys {
    const held = this.#held.get(terminalId);
    if (held && sameBytes(held.pinKeyWrapped, stored.pinKeyWrapped) && sameBytes(held.macKeyWrapped, stored.macKeyWrapped)) {
      return held.keys;
    }
    const keys = openWorkingKeys(stored, this.lmk);
    this.#held.set(terminalId, { pinKeyWrapped: stored.pinKeyWrapped.slice(), macKeyWrapped: stored.macKeyWrapped.slice(), keys });
    return keys;
  }

  /** The terminal signs in again: its old keys go, whatever happens next. */
  forget(terminalId: string): void {
    this.#held.delete(terminalId);
  }

  get size(): number {
    return this.#held.size;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
