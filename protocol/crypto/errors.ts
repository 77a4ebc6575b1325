import { PoslabError } from '../../platform/errors.ts';

export type CryptoInputCode = 'CRYPTO_BAD_KEY' | 'CRYPTO_BAD_LENGTH';

/** A key of the wrong size or data that is not whole blocks: always our own caller's mistake. */
export class CryptoInputError extends PoslabError {
  override readonly code: CryptoInputCode;

  constructor(code: CryptoInputCode, message: string) {
    super(code, message, { side: 'local' });
    this.code = code;
  }
}
