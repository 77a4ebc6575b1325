import type { ReceiptLine } from '../drivers/printer/escpos-printer.ts';
import { maskPan } from '../protocol/iso8583/describe.ts';
import { formatMinor } from './money.ts';
import { localDateTime } from './local-time.ts';

export interface SaleReceipt {
  readonly merchantName: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly operator: string;
  readonly pan: string;
  readonly entryMode: 'chip' | 'swipe' | 'fallback';
  readonly batch: string;
  readonly stan: string;
  readonly authCode: string;
  readonly rrn: string;
  readonly at: number;
  readonly amountMinor: number;
}

export type ReceiptCopy = 'merchant' | 'customer';

const RULE = '-'.repeat(32);

/**
 * The sale slip (签购单) in two copies. The merchant copy shows the PAN as first 6 and last 4
 * and carries the signature line; the cardholder copy shows only the last 4 digits (PCI).
 */
export function saleReceipt(sale: SaleReceipt, copy: ReceiptCopy): ReceiptLine[] {
  const pan = copy === 'merchant' ? maskPan(sale.pan) : `${'*'.repeat(sale.pan.length - 4)}${sale.pan.slice(-4)}`;
  const entry = { chip: 'C', swipe: 'S', fallback: 'F' }[sale.entryMode];
  const lines: ReceiptLine[] = [
    { text: 'POS SALES SLIP', align: 'center', bold: true, double: true },
    { text: copy === 'merchant' ? 'MERCHANT COPY' : 'CARDHOLDER COPY', align: 'center' },
    { text: RULE },
    { text: `MERCHANT: ${sale.merchantName}` },
    { text: `MERCHANT NO: ${sale.merchantId}` },
    { text: `TERMINAL NO: ${sale.terminalId}  OPER: ${sale.operator}` },
    { text: RULE },
    { text: `CARD NO: ${pan} ${entry}` },
    { text: 'TRANS TYPE: SALE', bold: true },
    { text: `BATCH NO: ${sale.batch}  TRACE: ${sale.stan}` },
    { text: `AUTH NO: ${sale.authCode}` },
    { text: `REF NO: ${sale.rrn}` },
    { text: `DATE/TIME: ${localDateTime(sale.at).display}` },
    { text: 'AMOUNT:' },
    { text: `RMB ${formatMinor(sale.amountMinor)}`, align: 'right', bold: true, double: true },
    { text: RULE },
  ];
  if (copy === 'merchant') {
    lines.push({ text: 'CARDHOLDER SIGNATURE:' }, { text: '' }, { text: '' }, { text: RULE });
  }
  lines.push({ text: 'I ACKNOWLEDGE SATISFACTORY' }, { text: 'RECEIPT OF GOODS/SERVICES' });
  return lines;
}
