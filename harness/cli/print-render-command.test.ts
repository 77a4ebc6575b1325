/**
 * `poslab print-render` against ESC/POS written by independent libraries: receiptline's
 * `transform` (command `escpos`) and node-thermal-printer's buffer. Their receipts must
 * print legibly: the text decodes back, the symbols are recognised, and the images match
 * goldens that were looked at by eye (and whose codes zbarimg reads).
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import receiptline from 'receiptline';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { compareWithGolden } from '../../simulator/printer/goldens/golden.ts';
import { ReceiptPrinter } from '../../simulator/printer/receipt-printer.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import { main } from './main.ts';
import { renderEscPos } from './print-render-command.ts';

const RECEIPTLINE_DOC = `^^^RECEIPT
{border:line; width:*,10}
Item | Price
-
Coffee | 3.50
Cake | 4.20
-
^TOTAL | ^7.70
{border:space; width:auto}
{code:1234567890128; option:ean,hri}
{code:https://poslab.example/r/42; option:qrcode,4,l}
_Thank you_ "emph" \`invert\`
`;

function receiptlineBytes(doc: string, encoding: 'cp437' | 'gb18030' = 'cp437'): Uint8Array {
  return new Uint8Array(Buffer.from(receiptline.transform(doc, { cpl: 48, encoding, command: 'escpos', cutting: true }), 'binary'));
}

function nodeThermalPrinterBytes(): Uint8Array {
  // No interface: the library only builds its buffer (its typings want one; '' means none).
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, width: 48, interface: '' });
  printer.alignCenter();
  printer.setTextDoubleHeight();
  printer.bold(true);
  printer.println('NODE THERMAL');
  printer.bold(false);
  printer.setTextNormal();
  printer.alignLeft();
  printer.leftRight('Coffee', '3.50');
  printer.leftRight('Cake', '4.20');
  printer.drawLine();
  printer.underline(true);
  printer.println('Underlined');
  printer.underline(false);
  printer.invert(true);
  printer.println('Inverted');
  printer.invert(false);
  printer.alignCenter();
  printer.code128('REF-42');
  printer.printQR('https://poslab.example/q', { cellSize: 4 });
  printer.cut();
  return new Uint8Array(printer.getBuffer());
}

function printed(bytes: Uint8Array) {
  const printer = new ReceiptPrinter({ widthDots: 576 });
  printer.receive(bytes);
  return printer.receipts();
}

describe('receipts from independent ESC/POS libraries', () => {
  it('receiptline: table, EAN-13 with HRI and the QR code (sent as graphics) print as laid out', () => {
    const bytes = receiptlineBytes(RECEIPTLINE_DOC);
    const [receipt, ...more] = printed(bytes);
    expect(more).toEqual([]);
    const text = receiptText(receipt!);
    for (const words of ['RECEIPT', 'Item', 'Price', 'Coffee', '3.50', 'Cake', '4.20', 'TOTAL', '7.70', '1234567890128', 'Thank you emph invert']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/╭─+┬─+╮/);
    expect(receipt!.marks).toEqual([{ kind: 'barcode', symbology: 'EAN13', data: '1234567890128' }, { kind: 'image', width: 100, height: 100 }]);
    const { png, result } = renderEscPos(bytes, 576);
    expect(result.warnings).toEqual([]);
    const golden = compareWithGolden('lib-receiptline-576', png);
    expect(golden.differentPixels, golden.message).toBe(0);
  });

  it('receiptline in GB18030: Chinese text prints in two-byte mode', () => {
    const [receipt] = printed(receiptlineBytes('^^签购单\n商户名称 | 上海咖啡馆\n金额 | RMB 128.50\n', 'gb18030'));
    expect(receiptText(receipt!)).toMatch(/签购单[\s\S]*商户名称 +上海咖啡馆[\s\S]*金额 +RMB 128\.50/);
  });

  it('node-thermal-printer: styles, left-right columns, CODE128 and QR', () => {
    const bytes = nodeThermalPrinterBytes();
    const [receipt] = printed(bytes);
    expect(receipt!.lines.map((line) => line.text.replace(/ +/g, ' '))).toEqual(expect.arrayContaining(['NODE THERMAL', 'Coffee 3.50', 'Cake 4.20', 'Underlined', 'Inverted']));
    expect(receipt!.lines[0]).toMatchObject({ bold: true, heightScale: 2, align: 'center' });
    expect(receipt!.marks).toEqual([
      { kind: 'barcode', symbology: 'CODE128', data: 'REF-42' },
      { kind: 'qr', data: 'https://poslab.example/q' },
    ]);
    const golden = compareWithGolden('lib-node-thermal-printer-576', renderEscPos(bytes, 576).png);
    expect(golden.differentPixels, golden.message).toBe(0);
  });
});

describe('poslab print-render', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poslab-print-render-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a byte file to a PNG of the chosen width', async () => {
    const input = join(dir, 'receipt.bin');
    const output = join(dir, 'receipt.png');
    await writeFile(input, nodeThermalPrinterBytes());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['print-render', input, '-o', output, '--width', '384'])).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toContain('1 receipt(s) cut');
    log.mockRestore();
    const image = PNG.sync.read(await readFile(output));
    expect(image.width).toBe(384);
  });

  it('exits 2 with a clear message for a missing file or a bad width', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['print-render', join(dir, 'missing.bin'), '-o', join(dir, 'x.png')])).toBe(2);
    expect(error.mock.calls.flat().join('\n')).toMatch(/cannot read ESC\/POS file .*missing\.bin: no such file/);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['print-render', join(dir, 'receipt.bin'), '-o', join(dir, 'x.png'), '--width', '500'])).toBe(2);
    stderr.mockRestore();
    error.mockRestore();
  });
});
