import type { Cipher, Decipher } from 'node:crypto';

/**
 * Runs a node:crypto block cipher over whole blocks without padding and returns a plain
 * Uint8Array, not a Buffer that may sit in Node's shared pool.
 */
export function runCipher(cipher: Cipher | Decipher, data: Uint8Array): Uint8Array {
  cipher.setAutoPadding(false);
  const head = cipher.update(data);
  const tail = cipher.final();
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}
