import type { ReceiptLine } from '../drivers/printer/escpos-printer.ts';
import { formatMinor } from './money.ts';
import { localDateTime } from './local-time.ts';
import type { TransactionKind, TransactionRecord } from './transaction/record.ts';
import type { BatchTotals } from './transaction/totals.ts';

/** What a slip shows; the PAN arrives masked (first 6, last 4) and never in clear. */
export interface TransactionSlip {
  readonly merchantName: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly operator: string;
  readonly kind: TransactionKind;
  readonly panMasked: string;
  readonly entryMode: string;
  readonly batch: string;
  readonly stan: string;
  readonly authCode: string;
  readonly rrn: string;
  readonly at: number;
  readonly amountMinor: number;
  readonly originalStan?: string;
  readonly originalRrn?: string;
  readonly originalAuthCode?: string;
  /** Approved offline by the card: its TC (hex), printed with the OFFLINE mark. */
  readonly offlineTc?: string;
}

export type ReceiptCopy = 'merchant' | 'customer';

export interface ReceiptLayout {
  /** Characters per line: 32 on 58 mm paper, 48 on 80 mm. */
  readonly columns: number;
  readonly reprint?: boolean;
}

const TITLES: Readonly<Record<TransactionKind, string>> = {
  sale: 'SALE',
  void: 'VOID',
  refund: 'REFUND',
  preauth: 'PRE-AUTH',
  completion: 'AUTH COMPLETE',
};

/** S swipe, C chip, Q contactless (QuickPass), F fallback: from field 22's first two digits. */
const ENTRY_LETTERS: Readonly<Record<string, string>> = { '02': 'S', '05': 'C', '07': 'Q', '80': 'F' };

export function slipOf(record: TransactionRecord, terminal: Pick<TransactionSlip, 'merchantName' | 'merchantId' | 'terminalId'>): TransactionSlip {
  return {
    merchantName: terminal.merchantName,
    merchantId: terminal.merchantId,
    terminalId: terminal.terminalId,
    operator: record.operator,
    kind: record.kind,
    panMasked: record.panMasked,
    entryMode: record.entryMode,
    batch: record.batch,
    stan: record.stan,
    authCode: record.authCode ?? '',
    rrn: record.rrn ?? '',
    at: record.at,
    amountMinor: record.amountMinor,
    ...(record.original?.stan && record.original.stan !== '000000' ? { originalStan: record.original.stan } : {}),
    ...(record.original?.rrn ? { originalRrn: record.original.rrn } : {}),
    ...(record.original?.authCode ? { originalAuthCode: record.original.authCode } : {}),
    ...(record.tc ? { offlineTc: record.tc } : {}),
  };
}

/**
 * A transaction slip (签购单) in two copies. The merchant copy shows the PAN as first 6 and
 * last 4 and carries the signature line; the cardholder copy shows only the last 4 digits.
 * Money going back to the card (void, refund) is printed negative. A reprint says so.
 */
export function transactionReceipt(slip: TransactionSlip, copy: ReceiptCopy, layout: ReceiptLayout): ReceiptLine[] {
  const rule = { text: '-'.repeat(layout.columns) };
  const pan = copy === 'merchant' ? slip.panMasked : `${'*'.repeat(slip.panMasked.length - 4)}${slip.panMasked.slice(-4)}`;
  const credit = slip.kind === 'void' || slip.kind === 'refund';
  const lines: ReceiptLine[] = [
    { text: 'POS SALES SLIP', align: 'center', bold: true, double: true },
    { text: copy === 'merchant' ? 'MERCHANT COPY' : 'CARDHOLDER COPY', align: 'center' },
  ];
  if (layout.reprint) lines.push({ text: '*** REPRINT ***', align: 'center', bold: true });
  if (slip.offlineTc) lines.push({ text: 'OFFLINE', align: 'center', bold: true });
  lines.push(
    rule,
    { text: `MERCHANT: ${slip.merchantName}` },
    { text: `MERCHANT NO: ${slip.merchantId}` },
    { text: `TERMINAL NO: ${slip.terminalId}  OPER: ${slip.operator}` },
    rule,
    { text: `CARD NO: ${pan} ${ENTRY_LETTERS[slip.entryMode.slice(0, 2)] ?? ''}`.trimEnd() },
    { text: `TRANS TYPE: ${TITLES[slip.kind]}`, bold: true },
    { text: `BATCH NO: ${slip.batch}  TRACE: ${slip.stan}` },
    { text: `AUTH NO: ${slip.authCode}` },
    { text: `REF NO: ${slip.rrn}` },
    { text: `DATE/TIME: ${localDateTime(slip.at).display}` },
  );
  if (slip.offlineTc) lines.push({ text: `TC: ${slip.offlineTc}` });
  if (slip.originalStan) lines.push({ text: `ORIG TRACE: ${slip.originalStan}` });
  if (slip.originalRrn) lines.push({ text: `ORIG REF NO: ${slip.originalRrn}` });
  if (slip.originalAuthCode && slip.kind === 'completion') lines.push({ text: `ORIG AUTH NO: ${slip.originalAuthCode}` });
  lines.push(
    { text: 'AMOUNT:' },
    { text: `RMB ${credit ? '-' : ''}${formatMinor(slip.amountMinor)}`, align: 'right', bold: true, double: true },
    rule,
  );
  if (copy === 'merchant') lines.push({ text: 'CARDHOLDER SIGNATURE:' }, { text: '' }, { text: '' }, rule);
  lines.push({ text: 'I ACKNOWLEDGE SATISFACTORY' }, { text: 'RECEIPT OF GOODS/SERVICES' });
  return lines;
}

export interface SettlementSlip {
  readonly merchantName: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly operator: string;
  readonly batch: string;
  readonly at: number;
  readonly totals: BatchTotals;
  readonly balanced: boolean;
}

/** The settlement report (结算单): the terminal's totals and whether the host agreed. */
export function settlementReceipt(slip: SettlementSlip, layout: ReceiptLayout): ReceiptLine[] {
  const rule = { text: '-'.repeat(layout.columns) };
  const { totals } = slip;
  return [
    { text: 'SETTLEMENT', align: 'center', bold: true, double: true },
    { text: 'SETTLEMENT REPORT', align: 'center' },
    ...(layout.reprint ? [{ text: '*** REPRINT ***', align: 'center' as const, bold: true }] : []),
    rule,
    { text: `MERCHANT: ${slip.merchantName}` },
    { text: `MERCHANT NO: ${slip.merchantId}` },
    { text: `TERMINAL NO: ${slip.terminalId}  OPER: ${slip.operator}` },
    { text: `BATCH NO: ${slip.batch}` },
    { text: `DATE/TIME: ${localDateTime(slip.at).display}` },
    rule,
    { text: `SALES    ${String(totals.debitCount).padStart(3)}  RMB ${formatMinor(totals.debitMinor)}` },
    { text: `REFUNDS  ${String(totals.creditCount).padStart(3)}  RMB ${formatMinor(totals.creditMinor)}` },
    rule,
    { text: slip.balanced ? 'BALANCED' : 'UNBALANCED: BATCH UPLOADED', align: 'center', bold: true },
  ];
}
