import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../../platform/random.ts';
import type { Random } from '../../platform/random.ts';
import {
  PinBlockError,
  clearPinBlockFormat0,
  decryptPinFormat0,
  decryptPinFormat4,
  encryptPinBlockFormat0,
  encryptPinBlockFormat4,
} from './pin-block.ts';
import { TdesKey, tdesEncryptEcb } from './tdes.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/** A Random whose `bytes` replays a published vector's "random" fill. */
function replaying(fill: Uint8Array): Random {
  const random: Random = { int: () => 0, bytes: () => fill.slice(), fork: () => random };
  return random;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PinBlockError) return error.code;
    throw error;
  }
  return undefined;
}

const pinKey = hex('0123456789ABCDEFFEDCBA9876543210');

describe('ISO 9564-1 format 0', () => {
  // Worked example (PAN 43219876543210987, PIN 1234) from ID TECH's PIN block page,
  // https://atlassian.idtechproducts.com/confluence/plugins/viewsource/viewpagesrc.action?pageId=50529496
  it('builds the published clear PIN block', () => {
    expect(toHex(clearPinBlockFormat0('1234', '43219876543210987'))).toBe('0412AC89ABCDEF67');
  });

  it('uses the rightmost 12 PAN digits excluding the check digit, zero-filled for short PANs', () => {
    // PIN field 041234FFFFFFFFFF XOR account field 0000111111111111
    expect(toHex(clearPinBlockFormat0('1234', '4111111111111111'))).toBe('041225EEEEEEEEEE');
    // account field 0000000001234567: PAN 12345678 without its check digit
    expect(toHex(clearPinBlockFormat0('1234', '12345678'))).toBe('041234FFFEDCBA98');
  });

  it('encrypts the clear block under TDES-ECB', () => {
    const block = encryptPinBlockFormat0('1234', '43219876543210987', pinKey);
    expect(toHex(block)).toBe(toHex(tdesEncryptEcb(pinKey, hex('0412AC89ABCDEF67'))));
  });

  it('takes a kept TdesKey in place of the key bytes, block after block', () => {
    const kept = new TdesKey(pinKey);
    for (const pin of ['1234', '987654', '1234']) {
      const block = encryptPinBlockFormat0(pin, '43219876543210987', kept);
      expect(toHex(block)).toBe(toHex(encryptPinBlockFormat0(pin, '43219876543210987', pinKey)));
      expect(decryptPinFormat0(block, '43219876543210987', kept)).toBe(pin);
    }
  });

  it('decrypts to the same PIN for any PIN, PAN and key', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{4,12}$/),
        fc.stringMatching(/^[0-9]{12,19}$/),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (pin, pan, key) => {
          expect(decryptPinFormat0(encryptPinBlockFormat0(pin, pan, key), pan, key)).toBe(pin);
        },
      ),
      { seed: 9564, numRuns: 200 },
    );
  });

  it('rejects a block that does not decode, as the peer\'s error', () => {
    const block = encryptPinBlockFormat0('1234', '6222021234567890123', pinKey);
    expect(codeOf(() => decryptPinFormat0(block, '6222029999999999993', pinKey))).toBe('PIN_BLOCK_BAD');
    expect(codeOf(() => decryptPinFormat0(block, '6222021234567890123', hex('00112233445566778899AABBCCDDEEFF')))).toBe('PIN_BLOCK_BAD');
    expect(codeOf(() => decryptPinFormat0(block.subarray(0, 7), '6222021234567890123', pinKey))).toBe('PIN_BLOCK_BAD');
    try {
      decryptPinFormat0(block, '6222029999999999993', pinKey);
    } catch (error) {
      expect((error as PinBlockError).side).toBe('peer');
    }
  });

  it('rejects PINs and PANs it cannot encode, without quoting them', () => {
    for (const pin of ['123', '1234567890123', '12a4', '']) {
      expect(codeOf(() => clearPinBlockFormat0(pin, '6222021234567890123'))).toBe('PIN_INPUT_BAD');
    }
    expect(codeOf(() => clearPinBlockFormat0('1234', '62220212345678901234'))).toBe('PIN_INPUT_BAD');
    try {
      clearPinBlockFormat0('98765', '62220212345678901X');
    } catch (error) {
      expect((error as Error).message).not.toContain('98765');
      expect((error as Error).message).not.toContain('622202');
    }
  });
});

describe('ISO 9564-1 format 4 (AES)', () => {
  // ANSI X9.24-3:2017 supplement test vectors, "Calculation of AES PIN Block Format 4"
  // (AES-128 BDK, first two KSNs), as quoted in openemv/dukpt test/dukpt_aes_test.c:
  // PIN 1234, PAN 4111111111111111, PIN field 441234AAAAAAAAAA 2F69ADDE2E9E7ACE.
  const fill = hex('2F69ADDE2E9E7ACE');
  const vectors: Array<[string, string]> = [
    ['AF8CB133A78F8DC2D1359F18527593FB', 'A912150391AB65A67E52883D81CE2D15'],
    ['D30BDC73EC9714B000BEC66BDB7B6D09', '52A00503BD34BA1383F6A7EE9FE2547F'],
  ];
  for (const [key, block] of vectors) {
    it(`encrypts and decrypts the X9.24-3 vector under PIN key ${key.slice(0, 8)}…`, () => {
      expect(toHex(encryptPinBlockFormat4('1234', '4111111111111111', hex(key), replaying(fill)))).toBe(block);
      expect(decryptPinFormat4(hex(block), '4111111111111111', hex(key))).toBe('1234');
    });
  }

  it('decrypts to the same PIN for any PIN, PAN (short ones too) and key size', () => {
    const random = seededRandom(4);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{4,12}$/),
        fc.stringMatching(/^[0-9]{1,19}$/),
        fc.constantFrom(16, 24, 32).chain((size) => fc.uint8Array({ minLength: size, maxLength: size })),
        (pin, pan, key) => {
          expect(decryptPinFormat4(encryptPinBlockFormat4(pin, pan, key, random), pan, key)).toBe(pin);
        },
      ),
      { seed: 2017, numRuns: 200 },
    );
  });

  it('draws its fill from the injected Random, so equal PINs give different blocks', () => {
    const key = hex(vectors[0]![0]);
    const random = seededRandom(1);
    const first = encryptPinBlockFormat4('1234', '4111111111111111', key, random);
    const second = encryptPinBlockFormat4('1234', '4111111111111111', key, random);
    expect(toHex(first)).not.toBe(toHex(second));
  });

  it('rejects a block under the wrong PAN or of the wrong size', () => {
    const key = hex(vectors[0]![0]);
    const block = hex(vectors[0]![1]);
    expect(codeOf(() => decryptPinFormat4(block, '4111111111111112', key))).toBe('PIN_BLOCK_BAD');
    expect(codeOf(() => decryptPinFormat4(block.subarray(0, 8), '4111111111111111', key))).toBe('PIN_BLOCK_BAD');
  });
});
