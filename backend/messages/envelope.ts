import type { Dialect, MessageHeader } from '../../protocol/iso8583/types.ts';
import { answerMti } from './answer.ts';

const TPDU_ID = 0x60;
const MTI_LENGTH = 2;

export interface Envelope {
  readonly header: MessageHeader;
  readonly answerMti: string;
}

/**
 * What can still be read from a message that does not unpack: its header and MTI, when the
 * TPDU starts as a TPDU should and the MTI is a BCD request. That is enough to answer "format
 * error"; anything less is not worth an answer.
 */
export function readEnvelope(dialect: Dialect, bytes: Uint8Array): Envelope | undefined {
  const at = dialect.headerLength;
  if (bytes.length < at + MTI_LENGTH || bytes[0] !== TPDU_ID) return undefined;
  let mti = '';
  for (const byte of bytes.subarray(at, at + MTI_LENGTH)) {
    if (byte >> 4 > 9 || (byte & 0x0f) > 9) return undefined;
    mti += `${byte >> 4}${byte & 0x0f}`;
  }
  const answer = answerMti(mti);
  if (answer === undefined) return undefined;
  return { header: { tpdu: bytes.slice(0, 5), appHeader: bytes.slice(5, at) }, answerMti: answer };
}
