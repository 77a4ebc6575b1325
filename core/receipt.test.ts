import { describe, expect, it } from 'vitest';
import { settlementReceipt, transactionReceipt, type TransactionSlip } from './receipt.ts';

const slip: TransactionSlip = {
  merchantName: 'POSLAB DEMO SHOP',
  merchantId: '898310048160001',
  terminalId: '10000001',
  operator: '01',
  kind: 'refund',
  panMasked: '622202*********0123',
  entryMode: '052',
  batch: '000001',
  stan: '000004',
  authCode: '123456',
  rrn: '000000000042',
  at: Date.UTC(2026, 10, 22, 1, 0, 0),
  amountMinor: 5000,
  originalRrn: '000000000041',
};
const text = (lines: { text: string }[]) => lines.map((l) => l.text).join('\n');

describe('receipts', () => {
  it('print money going back as negative, with the original reference', () => {
    const merchant = text(transactionReceipt(slip, 'merchant', { columns: 32 }));
    expect(merchant).toContain('TRANS TYPE: REFUND');
    expect(merchant).toContain('RMB -50.00');
    expect(merchant).toContain('ORIG REF NO: 000000000041');
    expect(merchant).toContain('622202*********0123 C');
  });

  it('show the cardholder only the last four digits and mark reprints', () => {
    const customer = text(transactionReceipt(slip, 'customer', { columns: 48, reprint: true }));
    expect(customer).toContain('***************0123');
    expect(customer).not.toContain('622202');
    expect(customer).toContain('*** REPRINT ***');
    expect(customer).toContain('-'.repeat(48));
  });

  it('report settlement totals and whether the host agreed, with no trace number', () => {
    const report = text(
      settlementReceipt(
        { ...slip, batch: '000001', totals: { debitCount: 2, debitMinor: 40000, creditCount: 1, creditMinor: 5000 }, balanced: false },
        { columns: 32 },
      ),
    );
    expect(report).toContain('SALES      2  RMB 400.00');
    expect(report).toContain('UNBALANCED: BATCH UPLOADED');
    expect(report).not.toMatch(/TRACE: \d{6}/);
  });
});
