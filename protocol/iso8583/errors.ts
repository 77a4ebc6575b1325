import { PoslabError } from '../../platform/errors.ts';
import type { ErrorSide } from '../../platform/errors.ts';

export type Iso8583ErrorCode =
  | 'ISO_TRUNCATED'
  | 'ISO_BAD_FORMAT'
  | 'ISO_TOO_LONG'
  | 'ISO_UNKNOWN_FIELD'
  | 'ISO_BAD_MTI';

/**
 * A message that cannot be packed (side 'local': our caller gave a bad value) or unpacked
 * (side 'peer': the other end sent bad bytes). The text names the field and the byte offset
 * only, never the value, because the value may be a PAN, track or key.
 */
export class Iso8583Error extends PoslabError {
  override readonly code: Iso8583ErrorCode;
  readonly field: number | undefined;
  readonly offset: number;

  constructor(
    code: Iso8583ErrorCode,
    side: ErrorSide,
    what: string,
    where: { field?: number; offset: number },
  ) {
    const place = where.field === undefined ? `at offset ${where.offset}` : `field ${where.field} at offset ${where.offset}`;
    super(code, `${place}: ${what}`, { side });
    this.code = code;
    this.field = where.field;
    this.offset = where.offset;
  }
}
