import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HmacSha256Key } from './hmac-sha256.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('HMAC-SHA256 from one-shot hashes', () => {
  // RFC 4231 section 4: the HMAC-SHA-256 results of test cases 1, 2, 3, 4, 6 and 7 (case 5 is truncated output).
  const rfc4231: Array<[string, string, string, string]> = [
    ['case 1', '0b'.repeat(20), Buffer.from('Hi There').toString('hex'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['case 2', Buffer.from('Jefe').toString('hex'), Buffer.from('what do ya want for nothing?').toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['case 3', 'aa'.repeat(20), 'dd'.repeat(50), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    ['case 4', '0102030405060708090a0b0c0d0e0f10111213141516171819', 'cd'.repeat(50), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
    ['case 6 (key longer than a block)', 'aa'.repeat(131), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First').toString('hex'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    [
      'case 7 (key and data longer than a block)',
      'aa'.repeat(131),
      Buffer.from('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.').toString('hex'),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ];
  for (const [name, key, data, mac] of rfc4231) {
    it(`matches RFC 4231 ${name}`, () => {
      expect(new HmacSha256Key(hex(key)).hex(latin1(hex(data)))).toBe(mac);
    });
  }

  it('equals createHmac for any key and message, message after message on one key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.array(fc.string({ unit: 'binary-ascii', maxLength: 200 }), { maxLength: 5 }), (key, messages) => {
        const hmac = new HmacSha256Key(key);
        for (const message of messages) {
          expect(hmac.hex(message)).toBe(createHmac('sha256', key).update(message, 'latin1').digest('hex'));
        }
      }),
    );
  });
});
