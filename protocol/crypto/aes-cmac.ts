import { aesEncryptCbcZeroIv, aesEncryptEcb } from './aes.ts';

/**
 * AES-CMAC (RFC 4493; NIST SP 800-38B with AES), full 16-byte tag. Subkeys come from encrypting
 * a zero block; the message's last block is masked with K1 when it is whole and with K2 after
 * 10* padding otherwise, and the whole message then runs through one zero-IV CBC pass whose
 * last block is the tag.
 */

const BLOCK = 16;
const RB = 0x87;

function doubled(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    out[i] = (((block[i] as number) << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  }
  if (((block[0] as number) & 0x80) !== 0) out[BLOCK - 1] = (out[BLOCK - 1] as number) ^ RB;
  return out;
}

export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const l = aesEncryptEcb(key, new Uint8Array(BLOCK));
  const k1 = doubled(l);
  const whole = data.length > 0 && data.length % BLOCK === 0;
  const blocks = whole ? data.length / BLOCK : Math.floor(data.length / BLOCK) + 1;
  const message = new Uint8Array(blocks * BLOCK);
  message.set(data);
  const lastAt = (blocks - 1) * BLOCK;
  const mask = whole ? k1 : doubled(k1);
  if (!whole) message[data.length] = 0x80;
  for (let i = 0; i < BLOCK; i++) message[lastAt + i] = (message[lastAt + i] as number) ^ (mask[i] as number);
  return aesEncryptCbcZeroIv(key, message).slice(lastAt, lastAt + BLOCK);
}
