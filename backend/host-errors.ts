import { PoslabError } from '../platform/errors.ts';

/**
 * Errors the acquirer host raises to its operators (provisioning, queries, storage). Answers to
 * terminals are never errors: a bad request becomes a response code on the wire.
 */
export type HostErrorCode =
  | 'HOST_DUPLICATE'
  | 'HOST_UNKNOWN'
  | 'HOST_INVALID'
  | 'HOST_LMK_MISMATCH'
  | 'HOST_STORE_VERSION';

export class HostError extends PoslabError {
  override readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string, cause?: unknown) {
    super(code, message, { side: code === 'HOST_INVALID' ? 'input' : 'local', cause });
    this.code = code;
  }
}
