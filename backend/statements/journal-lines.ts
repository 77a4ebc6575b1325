import type { FeeProduct } from '../fees/fee-for.ts';
import type { JournalRow } from '../store/host-store.ts';
import type { StatementLine } from './merchant-statement.ts';

/**
 * Which journal rows move the merchant's money: approved sales and pre-auth completions that
 * were neither reversed nor voided (at their booked amount, which is the approved part of a
 * partial approval), and approved refunds that were not reversed. Pre-authorisations hold funds
 * but move none; voids show as the sale they cancel dropping out; balance inquiries move nothing.
 */
export function statementLine(row: JournalRow, productOf: (panToken: string) => FeeProduct): StatementLine | undefined {
  if (row.status !== 'approved' || row.reversed) return undefined;
  const kind = row.type === 'sale' || row.type === 'completion' ? 'sale' : row.type === 'refund' ? 'refund' : undefined;
  if (kind === undefined || (kind === 'sale' && row.voided)) return undefined;
  return {
    kind,
    amountMinor: row.amountMinor,
    product: productOf(row.panToken),
    entryMode: row.entryMode,
    terminalId: row.terminalId,
    batch: row.batch,
    stan: row.stan,
  };
}
