import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import { LocalMasterKey } from './local-master-key.ts';
import { WorkingKeyRing } from './working-key-ring.ts';
import { issueWorkingKeys } from './working-keys.ts';

const tmk = Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex');
const data = Uint8Array.from([0x02, 0x00, 0x70, 0x24, 0x06, 0xc0, 0x20, 0xc0, 0x98, 0x11]);

describe('working key ring', () => {
  const lmk = LocalMasterKey.generate(seededRandom(5));
  const random = seededRandom(6);
  const macKeyOf = (field62: Uint8Array) => tdesDecryptEcb(tmk, field62.subarray(20, 36));

  it('opens a sign-in\'s keys once and hands the same ones out while the store holds them', () => {
    const ring = new WorkingKeyRing(lmk);
    const issued = issueWorkingKeys(random, tmk, lmk);
    const first = ring.keysOf('T1', issued.stored);
    // The store hands out fresh copies of the same wrapped bytes on every read.
    const again = ring.keysOf('T1', { ...issued.stored, macKeyWrapped: issued.stored.macKeyWrapped.slice() });
    expect(again).toBe(first);
    expect(first.macKey.mac(data)).toEqual(retailMac(macKeyOf(issued.field62), data));
    expect(ring.size).toBe(1);
  });

  it('opens the new keys when the stored ones change, and again after forget', () => {
    const ring = new WorkingKeyRing(lmk);
    const before = issueWorkingKeys(random, tmk, lmk);
    const after = issueWorkingKeys(random, tmk, lmk);
    const old = ring.keysOf('T1', before.stored);
    const renewed = ring.keysOf('T1', after.stored);
    expect(renewed).not.toBe(old);
    expect(renewed.macKey.mac(data)).toEqual(retailMac(macKeyOf(after.field62), data));
    expect(renewed.macKey.mac(data)).not.toEqual(retailMac(macKeyOf(before.field62), data));

    ring.forget('T1');
    expect(ring.size).toBe(0);
    expect(ring.keysOf('T1', after.stored)).not.toBe(renewed);
  });
});
