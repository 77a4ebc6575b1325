/**
 * DES keys carry odd parity in the low bit of each byte. OpenSSL ignores the bit, but terminals
 * and HSMs that check it reject an even-parity key, so generated keys get it set.
 */
export function withOddParity(key: Uint8Array): Uint8Array {
  const out = key.slice();
  for (let i = 0; i < out.length; i++) {
    const high = (out[i] as number) & 0xfe;
    let ones = 0;
    for (let bit = 1; bit < 8; bit++) ones += (high >> bit) & 1;
    out[i] = ones % 2 === 0 ? high | 1 : high;
  }
  return out;
}
