import { packMessage, unpackMessage } from '../../protocol/iso8583/codec.ts';
import type { Dialect, IsoMessage } from '../../protocol/iso8583/types.ts';

/**
 * Changes fields of a frame on the wire and packs it again under its own header. The MAC in
 * field 64 is left as it was: whoever changed the message could not compute a new one. An
 * undecodable frame is returned unchanged.
 */
export function rewriteFrame(dialect: Dialect, frame: Uint8Array, change: (fields: IsoMessage['fields']) => void): Uint8Array {
  let unpacked;
  try {
    unpacked = unpackMessage(dialect, frame);
  } catch {
    return frame;
  }
  const fields = { ...unpacked.message.fields };
  change(fields);
  return packMessage(dialect, { mti: unpacked.message.mti, fields }, unpacked.header);
}
