import { CryptoInputError } from './errors.ts';

/**
 * Single DES (FIPS 46-3) in plain code, for the retail MAC's chain and TDES blocks. OpenSSL 3
 * has no single DES, and running each block through node:crypto's TDES as K‖K‖K costs three DES
 * passes plus a native call and a fresh Buffer; for the eight-byte blocks of a message MAC that
 * overhead is most of the cost, and here a block takes no allocation at all.
 *
 * Theory of operation. A block travels as two 32-bit big-endian halves. Each round's expansion
 * E picks eight overlapping 6-bit groups of the right half; the even groups sit side by side in
 * the half rotated right by 1 and the odd ones in the half rotated right by 5, so each round key
 * is kept as two words laid out to match and one XOR serves four S-boxes. S-box and permutation
 * P are merged into one table per S-box (SP), built from the standard's tables when the module
 * loads. The initial and final permutations are done as five masked swaps each.
 */

const BLOCK = 8;

/** Permuted choice 1: the 56 key bits (1-based positions of the 64) that feed C and D. */
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55, 47,
  39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

/** Permuted choice 2: the 48 bits of C‖D that make a round key. */
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30, 40,
  51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

/** Left rotations of C and D before each round. */
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

/** The permutation P applied to the S-box outputs. */
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

/** S1…S8, each four rows of sixteen. */
const S = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8, 4, 1, 14, 8, 13, 6,
    2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5, 0, 14, 7, 11, 10, 4,
    13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1, 13, 6, 4, 9, 8, 15,
    3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9, 10, 6, 9, 0, 12, 11,
    7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6, 4, 2, 1, 11, 10, 13,
    7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8, 9, 14, 15, 5, 2, 8,
    12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6, 1, 4, 11, 13, 12, 3,
    7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2, 7, 11, 4, 1, 9, 12,
    14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
  ],
];

/** Bit `position` (1 = most significant) of a 32-bit word. */
const bitOf = (word: number, position: number): number => (word >>> (32 - position)) & 1;

function permute32(word: number, table: readonly number[]): number {
  let out = 0;
  for (const position of table) out = (out << 1) | bitOf(word, position);
  return out;
}

/** SP[g][x]: S-box g+1 applied to the 6-bit group x, placed in its nibble and permuted by P. */
const SP: readonly Int32Array[] = S.map((box, g) => {
  const table = new Int32Array(64);
  for (let x = 0; x < 64; x++) {
    const row = ((x >> 4) & 2) | (x & 1);
    const column = (x >> 1) & 15;
    table[x] = permute32((box[row * 16 + column] as number) << (28 - 4 * g), P);
  }
  return table;
});
type Eight<T> = [T, T, T, T, T, T, T, T];
const [SP1, SP2, SP3, SP4, SP5, SP6, SP7, SP8] = SP as Eight<Int32Array>;

/**
 * Where each PC2 bit lands in a round's [even, odd] pair: bit 5 of the shift says which word,
 * the rest how far left. Even words hold groups 1,3,5,7 and odd words 8,2,4,6, 8 bits apart.
 */
const PC2_PLACE = PC2.map((_, i) => {
  const group = (i / 6) | 0;
  const low = 5 - (i % 6);
  return group % 2 === 0 ? 26 - 4 * group + low : 32 + (group === 7 ? 26 : 22 - 4 * group) + low;
});

/** Round keys as [even, odd] word pairs, round 1 first. */
function schedule(key: Uint8Array): Int32Array {
  let c = 0;
  let d = 0;
  for (let i = 0; i < 28; i++) {
    c = (c << 1) | keyBit(key, PC1[i] as number);
    d = (d << 1) | keyBit(key, PC1[i + 28] as number);
  }
  const words = new Int32Array(32);
  for (let round = 0; round < 16; round++) {
    const shift = SHIFTS[round] as number;
    c = ((c << shift) | (c >>> (28 - shift))) & 0xfffffff;
    d = ((d << shift) | (d >>> (28 - shift))) & 0xfffffff;
    let even = 0;
    let odd = 0;
    for (let i = 0; i < 48; i++) {
      const from = PC2[i] as number;
      const bit = from <= 28 ? (c >>> (28 - from)) & 1 : (d >>> (56 - from)) & 1;
      const place = PC2_PLACE[i] as number;
      if (place < 32) even |= bit << place;
      else odd |= bit << (place - 32);
    }
    words[2 * round] = even;
    words[2 * round + 1] = odd;
  }
  return words;
}

/** Bit `position` (1 = most significant of the first byte) of an 8-byte key. */
function keyBit(key: Uint8Array, position: number): number {
  return ((key[(position - 1) >> 3] as number) >> (7 - ((position - 1) & 7))) & 1;
}

/** The same round keys last round first, which deciphers. */
function reversed(words: Int32Array): Int32Array {
  const out = new Int32Array(32);
  for (let round = 0; round < 16; round++) {
    out[2 * round] = words[30 - 2 * round] as number;
    out[2 * round + 1] = words[31 - 2 * round] as number;
  }
  return out;
}

/**
 * The 16 rounds over `halves` in place ([left, right], big-endian), with the initial and final
 * permutations around them.
 */
function crypt(keys: Int32Array, halves: Int32Array): void {
  let left = halves[0] as number;
  let right = halves[1] as number;
  let t = ((left >>> 4) ^ right) & 0x0f0f0f0f;
  right ^= t;
  left ^= t << 4;
  t = ((left >>> 16) ^ right) & 0x0000ffff;
  right ^= t;
  left ^= t << 16;
  t = ((right >>> 2) ^ left) & 0x33333333;
  left ^= t;
  right ^= t << 2;
  t = ((right >>> 8) ^ left) & 0x00ff00ff;
  left ^= t;
  right ^= t << 8;
  t = ((left >>> 1) ^ right) & 0x55555555;
  right ^= t;
  left ^= t << 1;

  for (let k = 0; k < 32; k += 2) {
    const even = ((right >>> 1) | (right << 31)) ^ (keys[k] as number);
    const odd = ((right >>> 5) | (right << 27)) ^ (keys[k + 1] as number);
    const f =
      (SP1[even >>> 26] as number) |
      (SP3[(even >>> 18) & 63] as number) |
      (SP5[(even >>> 10) & 63] as number) |
      (SP7[(even >>> 2) & 63] as number) |
      (SP8[odd >>> 26] as number) |
      (SP2[(odd >>> 18) & 63] as number) |
      (SP4[(odd >>> 10) & 63] as number) |
      (SP6[(odd >>> 2) & 63] as number);
    t = left ^ f;
    left = right;
    right = t;
  }

  // The last round does not swap: the output is R16‖L16.
  t = left;
  left = right;
  right = t;
  t = ((left >>> 1) ^ right) & 0x55555555;
  right ^= t;
  left ^= t << 1;
  t = ((right >>> 8) ^ left) & 0x00ff00ff;
  left ^= t;
  right ^= t << 8;
  t = ((right >>> 2) ^ left) & 0x33333333;
  left ^= t;
  right ^= t << 2;
  t = ((left >>> 16) ^ right) & 0x0000ffff;
  right ^= t;
  left ^= t << 16;
  t = ((left >>> 4) ^ right) & 0x0f0f0f0f;
  right ^= t;
  left ^= t << 4;
  halves[0] = left;
  halves[1] = right;
}

/** One 8-byte DES key's round keys, made once, for enciphering and deciphering many blocks. */
export class DesKey {
  readonly #encrypt: Int32Array;
  readonly #decrypt: Int32Array;

  /** Parity bits are ignored, as DES ignores them. */
  constructor(key: Uint8Array) {
    if (key.length !== BLOCK) throw new CryptoInputError('CRYPTO_BAD_KEY', `DES key must be 8 bytes, not ${key.length}`);
    this.#encrypt = schedule(key);
    this.#decrypt = reversed(this.#encrypt);
  }

  /** Enciphers one block held as [left, right] 32-bit big-endian halves, in place. */
  encryptHalves(halves: Int32Array): void {
    crypt(this.#encrypt, halves);
  }

  /** Deciphers one block held as [left, right] 32-bit big-endian halves, in place. */
  decryptHalves(halves: Int32Array): void {
    crypt(this.#decrypt, halves);
  }
}

/** Bytes `at`…`at + 3` of `bytes` as a big-endian 32-bit word. */
export function wordAt(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
}

/** Writes `word` big-endian at `at`. */
export function putWord(bytes: Uint8Array, at: number, word: number): void {
  bytes[at] = word >>> 24;
  bytes[at + 1] = (word >>> 16) & 0xff;
  bytes[at + 2] = (word >>> 8) & 0xff;
  bytes[at + 3] = word & 0xff;
}
