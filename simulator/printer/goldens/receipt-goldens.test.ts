/**
 * Golden receipt images: what the POS core's receipts look like on paper, byte for byte
 * through the driver's ESC/POS and the emulated printer. Update on purpose with
 * `UPDATE_GOLDENS=1 npx vitest run simulator/printer/goldens`, look at the PNGs, commit them.
 */
import { describe, it, expect } from 'vitest';
import { transactionReceipt } from '../../../core/receipt.ts';
import type { TransactionSlip } from '../../../core/receipt.ts';
import { buildEscPos } from '../../../drivers/printer/escpos-printer.ts';
import type { ReceiptBlock } from '../../../drivers/printer/escpos-printer.ts';
import { ReceiptPrinter } from '../receipt-printer.ts';
import { receiptText } from '../receipt.ts';
import type { PrintedReceipt } from '../receipt.ts';
import { renderReceiptPng } from '../render.ts';
import { compareWithGolden } from './golden.ts';

const sale: TransactionSlip = {
  merchantName: 'POSLAB CAFE SHANGHAI',
  merchantId: '898310048160001',
  terminalId: '10000001',
  operator: '01',
  kind: 'sale',
  panMasked: '622202*********0123',
  entryMode: '051',
  batch: '000001',
  stan: '000123',
  authCode: '654321',
  rrn: '123456789012',
  at: Date.UTC(2026, 10, 5, 6, 30, 0),
  amountMinor: 12850,
};

/** One slip of each transaction type, as the core builds them from its journal. */
const slips: readonly TransactionSlip[] = [
  sale,
  { ...sale, kind: 'void', stan: '000124', originalStan: '000123', originalRrn: '123456789012' },
  { ...sale, kind: 'refund', stan: '000125', entryMode: '021', amountMinor: 5000, originalRrn: '123456789012' },
  { ...sale, kind: 'preauth', stan: '000126', amountMinor: 100000 },
  { ...sale, kind: 'completion', stan: '000127', amountMinor: 98000, originalAuthCode: '777001', originalRrn: '123456789099' },
];

const RULE = '-'.repeat(32);

/** A Chinese bank-card slip (签购单) with the symbols receipts carry. */
const chineseSlip: ReceiptBlock[] = [
  { text: '银联POS签购单', align: 'center', bold: true, double: true },
  { text: '商户存根 MERCHANT COPY', align: 'center' },
  { text: RULE },
  { text: '商户名称: 上海浦东咖啡馆' },
  { text: '商户编号: 898310048160001' },
  { text: '终端编号: 10000001  操作员: 01' },
  { text: RULE },
  { text: '卡号: 622202*********0123 C' },
  { text: '交易类型: 消费 SALE', bold: true },
  { text: '批次号: 000001  凭证号: 000123' },
  { text: '授权码: 654321' },
  { text: '参考号: 123456789012' },
  { text: '日期时间: 2026/11/05 14:30:00' },
  { text: '金额: RMB 128.50', align: 'right', bold: true, double: true },
  { text: RULE },
  { text: '持卡人签名:' },
  { text: '' },
  { text: '本人确认以上交易，同意将其记入本卡账户', underline: true },
  { barcode: 'CODE128', data: '000001000123', height: 60 },
  { qr: 'https://poslab.example/e/123456789012', module: 4 },
];

function print(blocks: readonly ReceiptBlock[], widthDots: 384 | 576): PrintedReceipt {
  const printer = new ReceiptPrinter({ widthDots });
  printer.receive(buildEscPos(blocks));
  const [receipt] = printer.receipts();
  expect(receipt?.complete).toBe(true);
  return receipt!;
}

describe('golden receipts', () => {
  for (const widthDots of [384, 576] as const) {
    const columns = widthDots === 384 ? 32 : 48;
    const cases = [...slips.map((slip) => [slip, 'merchant'] as const), [sale, 'customer'] as const];
    for (const [slip, copy] of cases) {
      it(`${slip.kind} slip, ${copy} copy, ${widthDots} dots`, () => {
        const lines = transactionReceipt(slip, copy, { columns });
        const receipt = print(lines, widthDots);
        expect(receiptText(receipt)).toBe(lines.map((line) => line.text).join('\n'));
        const result = compareWithGolden(`${slip.kind}-${copy}-${widthDots}`, renderReceiptPng(receipt));
        expect(result.differentPixels, result.message).toBe(0);
      });
    }

    it(`Chinese slip with bar code and QR code, ${widthDots} dots`, () => {
      const receipt = print(chineseSlip, widthDots);
      expect(receiptText(receipt)).toContain('交易类型: 消费 SALE');
      expect(receipt.marks).toEqual([
        { kind: 'barcode', symbology: 'CODE128', data: '000001000123' },
        { kind: 'qr', data: 'https://poslab.example/e/123456789012' },
      ]);
      const result = compareWithGolden(`chinese-slip-${widthDots}`, renderReceiptPng(receipt));
      expect(result.differentPixels, result.message).toBe(0);
    });
  }
});
