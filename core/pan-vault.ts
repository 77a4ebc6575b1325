import { createCipheriv, createDecipheriv } from 'node:crypto';
import { PoslabError } from '../platform/errors.ts';
import type { Random } from '../platform/random.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PanVaultError extends PoslabError {
  constructor(message: string, cause?: unknown) {
    super('PAN_VAULT', message, { cause });
  }
}

/**
 * Seals PANs for flash. A batch upload (0320) and a reversal must name the card long after the
 * card left, yet flash may never hold a clear PAN: the PAN is kept under AES-256-GCM with the
 * terminal's data key, which lives in the terminal's secure memory (its config), not in flash.
 */
export class PanVault {
  constructor(
    private readonly key: Uint8Array,
    private readonly random: Random,
  ) {
    if (key.length !== 32) throw new PanVaultError('the terminal data key must be 32 bytes');
  }

  seal(pan: string): string {
    const iv = this.random.bytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(pan, 'latin1'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const bytes = Buffer.from(sealed, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('latin1');
    } catch (error) {
      throw new PanVaultError('a sealed PAN does not open under this terminal\'s data key', error);
    }
  }
}
