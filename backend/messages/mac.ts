import { timingSafeEqual } from 'node:crypto';
import type { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
import { macRegion } from '../../protocol/iso8583/codec.ts';
import type { Dialect, IsoMessage } from '../../protocol/iso8583/types.ts';

const MAC_LENGTH = 8;

/**
 * Whether a request's field 64 is the retail MAC of its bytes from the MTI up to field 64 under
 * the terminal's MAC working key. `bytes` are the request as received, so nothing the codec
 * normalised on the way in can hide a change on the wire.
 */
export function requestMacVerifies(dialect: Dialect, request: IsoMessage, bytes: Uint8Array, macKey: RetailMacKey): boolean {
  const received = request.fields[64];
  if (!(received instanceof Uint8Array) || received.length !== MAC_LENGTH) return false;
  const expected = macKey.mac(macRegion(dialect, bytes));
  return timingSafeEqual(expected, received);
}
