import { verifyArqc } from '../../protocol/emv/arqc.ts';
import { decodeTlv, findTag } from '../../protocol/emv/tlv.ts';
import type { FinancialRequest } from '../messages/financial-request.ts';

/** The amount the card signed (9F02, n12 BCD), as fen; undefined when absent or unreadable. */
function signedAmount(iccData: Uint8Array): number | undefined {
  try {
    const value = findTag(decodeTlv(iccData), '9F02')?.value;
    return value ? Number(Buffer.from(value).toString('hex')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The issuer's check of a chip card's ARQC: proof that a genuine card took part in this very
 * transaction, for this very amount. Only chip requests carry one, and only a host that holds
 * the issuer master key can check it.
 */
export function cryptogramFails(request: FinancialRequest, issuerMasterKey: Uint8Array | undefined): boolean {
  if (!issuerMasterKey || !request.chip) return false;
  const { iccData, panSequence } = request.chip;
  if (request.amountMinor !== undefined && signedAmount(iccData) !== request.amountMinor) return true;
  return !verifyArqc({ issuerMasterKey, pan: request.pan, panSequence, iccData });
}
