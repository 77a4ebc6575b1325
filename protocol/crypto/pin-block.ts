import { PoslabError } from '../../platform/errors.ts';
import type { Random } from '../../platform/random.ts';
import { aesDecryptEcb, aesEncryptEcb } from './aes.ts';
import { TdesKey } from './tdes.ts';

/**
 * ISO 9564-1 PIN blocks.
 *
 * Format 0 (8 bytes, TDES): PIN field `0 L P… F…` XOR account field `0000` + the PAN's rightmost
 * 12 digits excluding the check digit (zero-filled on the left when the PAN is shorter).
 *
 * Format 4 (16 bytes, AES): PIN field `4 L P… A…` (16 nibbles) followed by 8 random bytes; PAN
 * field `M` + PAN digits + zero fill, where M is the PAN length minus 12 (a PAN shorter than 12
 * digits is zero-filled on the left to 12 and M is 0). Enciphered as E(E(pin field) XOR pan field).
 *
 * Error messages never carry PIN, PAN or block bytes.
 */

export type PinBlockCode = 'PIN_BLOCK_BAD' | 'PIN_INPUT_BAD';

/** PIN_BLOCK_BAD: a block that does not decode (wrong key, wrong PAN, damage) — the sender's fault. PIN_INPUT_BAD: our caller's PIN or PAN is not valid. */
export class PinBlockError extends PoslabError {
  override readonly code: PinBlockCode;

  constructor(code: PinBlockCode, message: string) {
    super(code, message, { side: code === 'PIN_BLOCK_BAD' ? 'peer' : 'local' });
    this.code = code;
  }
}

function isDigits(text: string, min: number, max: number): boolean {
  if (typeof text !== 'string' || text.length < min || text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function checkPin(pin: string): void {
  if (!isDigits(pin, 4, 12)) throw new PinBlockError('PIN_INPUT_BAD', 'PIN must be 4 to 12 digits');
}

function checkPan(pan: string): void {
  if (!isDigits(pan, 1, 19)) throw new PinBlockError('PIN_INPUT_BAD', 'PAN must be 1 to 19 digits');
}

function setNibble(block: Uint8Array, index: number, nibble: number): void {
  const at = index >> 1;
  block[at] = (index & 1) === 0 ? ((block[at] as number) & 0x0f) | (nibble << 4) : ((block[at] as number) & 0xf0) | nibble;
}

function nibbleAt(block: Uint8Array, index: number): number {
  const byte = block[index >> 1] as number;
  return (index & 1) === 0 ? byte >> 4 : byte & 0x0f;
}

/** `control` nibble, length nibble, PIN digits, `fill` up to nibble 15. */
function pinField(pin: string, control: number, fill: number, size: number): Uint8Array {
  const field = new Uint8Array(size);
  setNibble(field, 0, control);
  setNibble(field, 1, pin.length);
  for (let i = 0; i < 14; i++) setNibble(field, 2 + i, i < pin.length ? pin.charCodeAt(i) - 48 : fill);
  return field;
}

/** The PIN inside a decoded PIN field, or a PIN_BLOCK_BAD error. */
function pinFromField(field: Uint8Array, control: number, fill: number): string {
  const length = nibbleAt(field, 1);
  if (nibbleAt(field, 0) !== control || length < 4 || length > 12) {
    throw new PinBlockError('PIN_BLOCK_BAD', 'PIN block has a bad control or length nibble');
  }
  let pin = '';
  for (let i = 0; i < 14; i++) {
    const nibble = nibbleAt(field, 2 + i);
    if (i < length ? nibble > 9 : nibble !== fill) {
      throw new PinBlockError('PIN_BLOCK_BAD', 'PIN block has a bad digit or fill nibble');
    }
    if (i < length) pin += String.fromCharCode(48 + nibble);
  }
  return pin;
}

function format0AccountField(pan: string): Uint8Array {
  checkPan(pan);
  // The 12 digits before the check digit go to nibbles 4…15; a short PAN leaves leading zeros.
  const field = new Uint8Array(8);
  const first = pan.length - 13;
  for (let i = Math.max(0, -first); i < 12; i++) setNibble(field, 4 + i, pan.charCodeAt(first + i) - 48);
  return field;
}

function xorInto(target: Uint8Array, mask: Uint8Array): Uint8Array {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) ^ (mask[i] as number);
  return target;
}

export function clearPinBlockFormat0(pin: string, pan: string): Uint8Array {
  checkPin(pin);
  return xorInto(pinField(pin, 0x0, 0xf, 8), format0AccountField(pan));
}

/** `pinKey` as bytes, or as a `TdesKey` kept for a key that enciphers many blocks. */
export function encryptPinBlockFormat0(pin: string, pan: string, pinKey: Uint8Array | TdesKey): Uint8Array {
  return tdesKey(pinKey).encryptEcb(clearPinBlockFormat0(pin, pan));
}

export function decryptPinFormat0(block: Uint8Array, pan: string, pinKey: Uint8Array | TdesKey): string {
  if (block.length !== 8) throw new PinBlockError('PIN_BLOCK_BAD', `format 0 PIN block must be 8 bytes, not ${block.length}`);
  const clear = xorInto(tdesKey(pinKey).decryptEcb(block), format0AccountField(pan));
  return pinFromField(clear, 0x0, 0xf);
}

function tdesKey(key: Uint8Array | TdesKey): TdesKey {
  return key instanceof TdesKey ? key : new TdesKey(key);
}

function format4PanField(pan: string): Uint8Array {
  checkPan(pan);
  const digits = pan.padStart(12, '0');
  const field = new Uint8Array(16);
  setNibble(field, 0, digits.length - 12);
  for (let i = 0; i < digits.length; i++) setNibble(field, 1 + i, digits.charCodeAt(i) - 48);
  return field;
}

export function encryptPinBlockFormat4(pin: string, pan: string, aesKey: Uint8Array, random: Random): Uint8Array {
  checkPin(pin);
  const field = pinField(pin, 0x4, 0xa, 16);
  field.set(random.bytes(8), 8);
  const intermediate = xorInto(aesEncryptEcb(aesKey, field), format4PanField(pan));
  return aesEncryptEcb(aesKey, intermediate);
}

export function decryptPinFormat4(block: Uint8Array, pan: string, aesKey: Uint8Array): string {
  if (block.length !== 16) throw new PinBlockError('PIN_BLOCK_BAD', `format 4 PIN block must be 16 bytes, not ${block.length}`);
  const intermediate = xorInto(aesDecryptEcb(aesKey, block), format4PanField(pan));
  return pinFromField(aesDecryptEcb(aesKey, intermediate), 0x4, 0xa);
}
