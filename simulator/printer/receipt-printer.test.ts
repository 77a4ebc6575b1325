import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { encodeBarcode, encodeQrCode, encodeRasterImage } from '../../protocol/escpos/blocks.ts';
import { encodeGb18030 } from '../../protocol/escpos/code-tables.ts';
import { characterSizeArg, encodeCommand } from '../../protocol/escpos/commands.ts';
import type { EscPosCommandName } from '../../protocol/escpos/commands.ts';
import type { EventDetail } from '../../platform/events.ts';
import { settle } from '../../platform/settle.ts';
import { attachDevice, openDevicePort, resetWire, wireActivity } from '../serial/wire.ts';
import { ReceiptPrinter } from './receipt-printer.ts';
import { receiptText } from './receipt.ts';
import type { PrintedReceipt } from './receipt.ts';

function cmd(name: EscPosCommandName, ...args: number[]): number[] {
  return [...encodeCommand(name, ...args)];
}

function text(s: string): number[] {
  return [...Buffer.from(s, 'latin1')];
}

function bytes(...parts: (readonly number[] | Uint8Array)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/** A printer plus everything it sent back and every event it raised. */
function printer(widthDots: 384 | 576 = 384) {
  const sent: number[] = [];
  const events: { kind: string; detail?: EventDetail }[] = [];
  const device = new ReceiptPrinter({ widthDots, events: (_source, kind, detail) => events.push({ kind, ...(detail && { detail }) }) });
  device.connect((answer) => sent.push(...answer));
  return { device, sent, events };
}

function texts(receipt: PrintedReceipt | undefined): string[] {
  return receipt?.lines.map((line) => line.text) ?? [];
}

/** Black dots in raster rows [top, bottom) and columns [left, right). */
function ink(receipt: PrintedReceipt, top = 0, bottom = receipt.raster.height, left = 0, right = receipt.raster.width): number {
  const { raster } = receipt;
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) if (raster.rows[y * (raster.width / 8) + (x >> 3)]! & (0x80 >> (x & 7))) count++;
  }
  return count;
}

const receipt = bytes(
  cmd('initialise'),
  cmd('align', 1),
  cmd('bold', 1),
  cmd('character-size', characterSizeArg(2, 2)),
  text('POSLAB'),
  cmd('line-feed'),
  cmd('character-size', 0),
  cmd('bold', 0),
  cmd('align', 0),
  text('AMOUNT 128.50'),
  cmd('line-feed'),
  cmd('align', 2),
  text('thank you'),
  cmd('print-and-feed-lines', 2),
  cmd('cut', 66, 0),
);

describe('receipt printer', () => {
  it('prints styled lines and ends a receipt at the cut', () => {
    const { device, events } = printer();
    device.receive(receipt);
    const [printed] = device.receipts();
    expect(printed?.complete).toBe(true);
    expect(printed?.lines).toEqual([
      { text: 'POSLAB', bold: true, widthScale: 2, heightScale: 2, align: 'center' },
      { text: 'AMOUNT 128.50', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
      { text: 'thank you', bold: false, widthScale: 1, heightScale: 1, align: 'right' },
      { text: '', bold: false, widthScale: 1, heightScale: 1, align: 'right' },
    ]);
    // 48 dots of double-height title, then three lines at the default 30 dots.
    expect(printed?.raster).toMatchObject({ width: 384, height: 48 + 3 * 30 });
    expect(device.pending().lines).toEqual([]);
    expect(events).toContainEqual({ kind: 'receipt-cut', detail: { lines: 4, complete: true, partial: true } });
    expect(receiptText(printed!)).toBe('POSLAB\nAMOUNT 128.50\nthank you\n');
  });

  it('keeps printed but uncut lines as pending', () => {
    const { device } = printer();
    device.receive(bytes(text('one'), cmd('line-feed'), text('two')));
    expect(device.receipts()).toEqual([]);
    expect(texts(device.pending())).toEqual(['one']);
  });

  it('wraps a line that does not fit the head: 32 / 16 columns on 384 dots, 48 on 576, 42 in Font B', () => {
    const { device } = printer();
    device.receive(bytes(text('x'.repeat(40)), cmd('line-feed')));
    device.receive(bytes(cmd('character-size', 0x10), text('y'.repeat(20)), cmd('line-feed'), cmd('character-size', 0)));
    device.receive(bytes(cmd('font', 1), text('z'.repeat(50)), cmd('line-feed'), cmd('cut', 0)));
    expect(device.receipts()[0]!.lines.map((line) => line.text.length)).toEqual([32, 8, 16, 4, 42, 8]);
    const wide = printer(576);
    wide.device.receive(bytes(text('z'.repeat(50)), cmd('cut', 0)));
    expect(wide.device.receipts()[0]!.lines.map((line) => line.text.length)).toEqual([48, 2]);
  });

  it('gives a line the style of its first character and resets every mode on ESC @', () => {
    const { device } = printer();
    device.receive(bytes(text('a'), cmd('bold', 1), text('b'), cmd('line-feed'), text('c'), cmd('initialise'), text('d'), cmd('cut', 0)));
    expect(device.receipts()[0]!.lines).toEqual([
      { text: 'ab', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
      { text: 'd', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
    ]);
  });

  it('feeds n lines with ESC d n, and with ESC d 0 only prints what is buffered', () => {
    const { device } = printer();
    device.receive(bytes(cmd('print-and-feed-lines', 0), text('a'), cmd('print-and-feed-lines', 0), cmd('print-and-feed-lines', 3), cmd('cut', 0)));
    expect(texts(device.receipts()[0])).toEqual(['a', '', '', '']);
  });

  it('sets line spacing with ESC 3 n and restores it with ESC 2; a taller line still feeds its height', () => {
    const { device } = printer();
    device.receive(bytes(cmd('line-spacing', 60), text('a'), cmd('line-feed'), cmd('line-spacing', 0), text('b'), cmd('line-feed')));
    device.receive(bytes(cmd('line-spacing-default'), text('c'), cmd('line-feed'), cmd('print-and-feed-dots', 7), cmd('cut', 0)));
    expect(device.receipts()[0]!.raster.height).toBe(60 + 24 + 30 + 7);
  });

  it('draws underline, reverse and the print mode of ESC !', () => {
    const plain = printer();
    plain.device.receive(bytes(text('Receipt'), cmd('cut', 0)));
    const styled = (prefix: number[]) => {
      const { device } = printer();
      device.receive(bytes(prefix, text('Receipt'), cmd('cut', 0)));
      return device.receipts()[0]!;
    };
    const base = ink(plain.device.receipts()[0]!);
    expect(ink(styled(cmd('underline', 2)))).toBe(base + 2 * 7 * 12);
    expect(ink(styled(cmd('reverse', 1)))).toBe(7 * 12 * 24 - base);
    expect(ink(styled(cmd('character-size', 0x11)))).toBe(4 * base);
    expect(styled(cmd('print-mode', 0x38)).lines[0]).toMatchObject({ bold: true, widthScale: 2, heightScale: 2 });
  });

  it('prints bytes above 0x7F from the ESC t code table and Chinese in FS & mode, as Unicode text', () => {
    const { device } = printer();
    device.receive(bytes(text('\x9c5 '), cmd('code-table', 16), text('caf\xe9 \x80'), cmd('line-feed')));
    device.receive(bytes(cmd('chinese-mode-on'), encodeGb18030('签购单 SALE 人民币'), cmd('line-feed'), cmd('chinese-mode-off'), text('\xe9'), cmd('cut', 0)));
    expect(texts(device.receipts()[0])).toEqual(['£5 café €', '签购单 SALE 人民币', 'é']);
  });

  it('starts in Chinese mode when its memory switch says so, and ESC @ keeps that default', () => {
    const device = new ReceiptPrinter({ widthDots: 384, chineseAtPowerOn: true });
    device.receive(bytes(cmd('initialise'), encodeGb18030('交易成功'), cmd('cut', 0)));
    expect(texts(device.receipts()[0])).toEqual(['交易成功']);
  });

  it('prints bar codes, QR codes and raster images as marks, and skips a bar code it cannot encode', () => {
    const { device, events } = printer();
    const image = { width: 16, height: 2, dots: Uint8Array.from({ length: 32 }, (_, i) => (i < 16 ? 1 : 0)) };
    device.receive(bytes(encodeBarcode('EAN13', '690123456789'), encodeBarcode('CODE128', 'REF-42'), encodeQrCode('https://poslab.example'), encodeRasterImage(image)));
    device.receive(bytes([0x1d, 0x6b, 2, ...text('69012345678X'), 0], cmd('cut', 0)));
    const [printed] = device.receipts();
    expect(printed?.marks).toEqual([
      { kind: 'barcode', symbology: 'EAN13', data: '6901234567892' },
      { kind: 'barcode', symbology: 'CODE128', data: 'REF-42' },
      { kind: 'qr', data: 'https://poslab.example' },
      { kind: 'image', width: 16, height: 2 },
    ]);
    expect(texts(printed)).toEqual(['6901234567892', 'REF-42']);
    // The image is the last band: its first row is 16 black dots from x = 0 (left aligned).
    const last = printed!.raster.height - 2;
    expect(ink(printed!, last, last + 1, 0, 16)).toBe(16);
    expect(ink(printed!, last + 1, last + 2)).toBe(0);
    expect(events.find((event) => event.kind === 'barcode-not-printed')?.detail?.reason).toMatch(/EAN13/);
  });

  it('answers GS r 1 in turn with printing', () => {
    const { device, sent } = printer();
    device.setPaper('near-end');
    device.receive(bytes(text('x'), cmd('transmit-status', 1)));
    expect(sent).toEqual([0x03]);
  });

  it('reports commands it does not know and prints their arguments, as printers do', () => {
    const { device, events } = printer();
    device.receive(bytes(text('A'), [0x1b, 0x7a], text('B'), cmd('cut', 0)));
    expect(receiptText(device.receipts()[0]!)).toBe('AB');
    expect(events).toContainEqual({ kind: 'unknown-command', detail: { bytes: '1b 7a' } });
  });

  it('prints the same receipts whatever the chunking of the bytes', () => {
    const action = fc.oneof(
      fc.stringMatching(/^[ -~]{1,40}$/).map(text),
      fc.constantFrom(
        cmd('line-feed'),
        cmd('bold', 1),
        cmd('bold', 0),
        cmd('character-size', 0x11),
        cmd('character-size', 0x00),
        cmd('align', 1),
        cmd('align', 50),
        cmd('initialise'),
        cmd('cut', 1),
        cmd('cut', 65, 10),
        cmd('realtime-status', 1),
        cmd('realtime-status', 4),
        cmd('print-mode', 0x08),
        [...cmd('chinese-mode-on'), ...encodeGb18030('消费'), ...cmd('chinese-mode-off')],
        [...encodeBarcode('CODE128', 'A1')],
        [0x0d],
      ),
      fc.integer({ min: 0, max: 4 }).map((n) => cmd('print-and-feed-lines', n)),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 20 }), (actions, cuts) => {
        const all = bytes(...actions);
        const whole = printer();
        whole.device.receive(all);
        const chunked = printer();
        const points = [...new Set(cuts.map((cut) => cut % (all.length + 1)))].sort((a, b) => a - b);
        let start = 0;
        for (const point of [...points, all.length]) {
          chunked.device.receive(all.subarray(start, point));
          start = point;
        }
        expect(chunked.device.receipts()).toEqual(whole.device.receipts());
        expect(chunked.device.pending()).toEqual(whole.device.pending());
        expect(chunked.sent).toEqual(whole.sent);
      }),
      { seed: 20261105, numRuns: 100 },
    );
  });
});

describe('receipt printer faults', () => {
  const statusQueries = bytes(cmd('realtime-status', 1), cmd('realtime-status', 2), cmd('realtime-status', 3), cmd('realtime-status', 4));

  it('answers DLE EOT 1-4 for each fault, online or not', () => {
    const { device, sent } = printer();
    const ask = () => {
      sent.length = 0;
      device.receive(statusQueries);
      return [...sent];
    };
    expect(ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    device.setPaper('near-end');
    expect(ask()).toEqual([0x12, 0x12, 0x12, 0x1e]);
    device.setPaper('out');
    expect(ask()).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    device.setPaper('ok');
    device.setCoverOpen(true);
    expect(ask()).toEqual([0x1a, 0x16, 0x12, 0x12]);
    device.setCoverOpen(false);
    device.setJammed(true);
    expect(ask()).toEqual([0x3a, 0x52, 0x1a, 0x12]);
    device.setJammed(false);
    device.setOverheated(true);
    expect(ask()).toEqual([0x1a, 0x52, 0x52, 0x12]);
    device.setOverheated(false);
    expect(ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    sent.length = 0;
    device.receive(bytes(cmd('realtime-status', 0), cmd('realtime-status', 5)));
    expect(sent).toEqual([]);
  });

  it('leaves a partial receipt when the paper runs out mid-way, and loses the rest', () => {
    const { device, events } = printer();
    device.receive(bytes(cmd('initialise'), text('line 1'), cmd('line-feed'), text('line 2'), cmd('line-feed'), text('half')));
    device.setPaper('out');
    device.receive(bytes(text(' of line 3'), cmd('line-feed'), text('line 4'), cmd('line-feed'), cmd('cut', 0)));
    expect(device.receipts().map((r) => [r.complete, texts(r)])).toEqual([[false, ['line 1', 'line 2']]]);
    expect(device.pending().lines).toEqual([]);
    expect(events.map((event) => event.kind)).toEqual(['paper-out', 'receipt-torn', 'data-lost']);
  });

  it('prints a clean reprint once paper is loaded again', () => {
    const { device } = printer();
    device.setPaper('out');
    device.receive(bytes(cmd('initialise'), text('lost'), cmd('line-feed'), cmd('cut', 0)));
    device.setPaper('ok');
    device.receive(bytes(cmd('initialise'), text('reprint'), cmd('line-feed'), cmd('cut', 0)));
    expect(device.receipts().map((r) => [r.complete, texts(r)])).toEqual([[true, ['reprint']]]);
  });

  it('marks a receipt incomplete when bytes were lost while the cover was open or the head too hot', () => {
    for (const fault of ['cover', 'heat'] as const) {
      const { device } = printer();
      const set = (on: boolean) => (fault === 'cover' ? device.setCoverOpen(on) : device.setOverheated(on));
      device.receive(bytes(cmd('initialise'), text('head'), cmd('line-feed')));
      set(true);
      device.receive(bytes(text('middle'), cmd('line-feed')));
      set(false);
      device.receive(bytes(text('tail'), cmd('line-feed'), cmd('cut', 0)));
      expect(device.receipts().map((r) => [r.complete, texts(r)])).toEqual([[false, ['head', 'tail']]]);
    }
  });

  it('tears the paper on a jam and marks the tail printed after it incomplete', () => {
    const { device } = printer();
    device.receive(bytes(text('before'), cmd('line-feed')));
    device.setJammed(true);
    device.setJammed(false);
    device.receive(bytes(text('after'), cmd('line-feed'), cmd('cut', 0)));
    expect(device.receipts().map((r) => [r.complete, receiptText(r)])).toEqual([
      [false, 'before'],
      [false, 'after'],
    ]);
  });

  it('loses power mid-receipt: silent and deaf while off, torn paper, then a cold start', () => {
    const { device, sent, events } = printer();
    device.receive(bytes(cmd('initialise'), cmd('bold', 1), cmd('chinese-mode-on'), text('paid'), cmd('line-feed'), text('half')));
    device.setPowered(false);
    device.receive(bytes(statusQueries, text('rest'), cmd('line-feed'), cmd('cut', 0)));
    expect(sent).toEqual([]);
    device.setPowered(true);
    device.receive(bytes(text('\x90'), cmd('cut', 0), statusQueries));
    expect(device.receipts().map((r) => [r.complete, texts(r), r.lines[0]?.bold])).toEqual([
      [false, ['paid'], true],
      // The tail came after power returned without its ESC @: printed in power-on modes, and incomplete.
      [false, ['\u00c9'], false],
    ]);
    expect(sent).toEqual([0x12, 0x12, 0x12, 0x12]);
    expect(events.map((event) => event.kind)).toEqual(['power-lost', 'receipt-torn', 'data-lost', 'power-on', 'receipt-cut']);
  });
});

describe('receipt printer on a serial line', () => {
  beforeEach(() => resetWire());

  it('answers real-time status through a SerialPortStream and prints what is written', async () => {
    const { device } = printer();
    attachDevice('/dev/test-printer', device, { maxReadSize: 1 });
    const port = await openDevicePort('/dev/test-printer');
    const input: number[] = [];
    port.on('data', (chunk: Buffer) => input.push(...chunk));
    device.setPaper('near-end');
    for (const byte of [...receipt, ...cmd('realtime-status', 4)]) port.write(Buffer.of(byte));
    await settle(wireActivity);
    expect(input).toEqual([0x1e]);
    expect(device.receipts().map(receiptText)).toEqual(['POSLAB\nAMOUNT 128.50\nthank you\n']);
  });
});
