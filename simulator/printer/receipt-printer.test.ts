import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { characterSizeArg, encodeCommand } from '../../protocol/escpos/commands.ts';
import type { EscPosCommandName } from '../../protocol/escpos/commands.ts';
import type { EventDetail } from '../../platform/events.ts';
import { settle } from '../../platform/settle.ts';
import { attachDevice, openDevicePort, resetWire, wireActivity } from '../serial/wire.ts';
import { ReceiptPrinter } from './receipt-printer.ts';
import { receiptText } from './receipt.ts';

function cmd(name: EscPosCommandName, ...args: number[]): number[] {
  return [...encodeCommand(name, ...args)];
}

function text(s: string): number[] {
  return [...Buffer.from(s, 'latin1')];
}

function bytes(...parts: number[][]): Uint8Array {
  return Uint8Array.from(parts.flat());
}

/** A printer plus everything it sent back and every event it raised. */
function printer(widthDots: 384 | 576 = 384) {
  const sent: number[] = [];
  const events: { kind: string; detail?: EventDetail }[] = [];
  const device = new ReceiptPrinter({ widthDots, events: (_source, kind, detail) => events.push({ kind, ...(detail && { detail }) }) });
  device.connect((answer) => sent.push(...answer));
  return { device, sent, events };
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
  cmd('feed-and-cut-partial', 0),
);

describe('receipt printer', () => {
  it('prints styled lines and ends a receipt at the cut', () => {
    const { device, events } = printer();
    device.receive(receipt);
    expect(device.receipts()).toEqual([
      {
        complete: true,
        lines: [
          { text: 'POSLAB', bold: true, widthScale: 2, heightScale: 2, align: 'center' },
          { text: 'AMOUNT 128.50', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
          { text: 'thank you', bold: false, widthScale: 1, heightScale: 1, align: 'right' },
          { text: '', bold: false, widthScale: 1, heightScale: 1, align: 'right' },
        ],
      },
    ]);
    expect(device.pending().lines).toEqual([]);
    expect(events).toContainEqual({ kind: 'receipt-cut', detail: { lines: 4, complete: true, partial: true } });
    expect(receiptText(device.receipts()[0]!)).toBe('POSLAB\nAMOUNT 128.50\nthank you\n');
  });

  it('keeps printed but uncut lines as pending', () => {
    const { device } = printer();
    device.receive(bytes(text('one'), cmd('line-feed'), text('two')));
    expect(device.receipts()).toEqual([]);
    expect(device.pending().lines.map((line) => line.text)).toEqual(['one']);
  });

  it('wraps a line that does not fit the head, at 32 or 16 columns on 384 dots', () => {
    const { device } = printer();
    device.receive(bytes(text('x'.repeat(40)), cmd('line-feed')));
    device.receive(bytes(cmd('character-size', 0x10), text('y'.repeat(20)), cmd('line-feed'), cmd('cut-full')));
    expect(device.receipts()[0]!.lines.map((line) => line.text.length)).toEqual([32, 8, 16, 4]);
  });

  it('uses 48 columns on an 80 mm head', () => {
    const { device } = printer(576);
    device.receive(bytes(text('z'.repeat(50)), cmd('cut-full')));
    expect(device.receipts()[0]!.lines.map((line) => line.text.length)).toEqual([48, 2]);
  });

  it('gives a line the style of its first character and resets styles on ESC @', () => {
    const { device } = printer();
    device.receive(bytes(text('a'), cmd('bold', 1), text('b'), cmd('line-feed'), text('c'), cmd('initialise'), text('d'), cmd('cut-full')));
    expect(device.receipts()[0]!.lines).toEqual([
      { text: 'ab', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
      { text: 'd', bold: false, widthScale: 1, heightScale: 1, align: 'left' },
    ]);
  });

  it('feeds n lines with ESC d n, and with ESC d 0 only prints what is buffered', () => {
    const { device } = printer();
    device.receive(bytes(cmd('print-and-feed-lines', 0), text('a'), cmd('print-and-feed-lines', 0), cmd('print-and-feed-lines', 3), cmd('cut-full')));
    expect(device.receipts()[0]!.lines.map((line) => line.text)).toEqual(['a', '', '', '']);
  });

  it('skips commands it does not know, reporting them', () => {
    const { device, events } = printer();
    device.receive(bytes([0x1b, 0x21, 0x30], text('A'), [0x1b, 0x7a], text('B'), cmd('cut-full')));
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
        cmd('cut-partial'),
        cmd('feed-and-cut-full', 10),
        cmd('realtime-status', 1),
        cmd('realtime-status', 4),
        [0x1b, 0x21, 0x08],
        [0x0d],
      ),
      fc.integer({ min: 0, max: 4 }).map((n) => cmd('print-and-feed-lines', n)),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 20 }), (actions, cuts) => {
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
      { seed: 20261105, numRuns: 300 },
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
    expect(ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    sent.length = 0;
    device.receive(bytes(cmd('realtime-status', 0), cmd('realtime-status', 5)));
    expect(sent).toEqual([]);
  });

  it('leaves a partial receipt when the paper runs out mid-way, and loses the rest', () => {
    const { device, events } = printer();
    device.receive(bytes(cmd('initialise'), text('line 1'), cmd('line-feed'), text('line 2'), cmd('line-feed'), text('half')));
    device.setPaper('out');
    device.receive(bytes(text(' of line 3'), cmd('line-feed'), text('line 4'), cmd('line-feed'), cmd('cut-full')));
    expect(device.receipts()).toEqual([{ complete: false, lines: [expect.objectContaining({ text: 'line 1' }), expect.objectContaining({ text: 'line 2' })] }]);
    expect(device.pending().lines).toEqual([]);
    expect(events.map((event) => event.kind)).toEqual(['paper-out', 'receipt-torn', 'data-lost']);
  });

  it('prints a clean reprint once paper is loaded again', () => {
    const { device } = printer();
    device.setPaper('out');
    device.receive(bytes(cmd('initialise'), text('lost'), cmd('line-feed'), cmd('cut-full')));
    device.setPaper('ok');
    device.receive(bytes(cmd('initialise'), text('reprint'), cmd('line-feed'), cmd('cut-full')));
    expect(device.receipts()).toEqual([{ complete: true, lines: [expect.objectContaining({ text: 'reprint' })] }]);
  });

  it('marks a receipt incomplete when bytes were lost while the cover was open', () => {
    const { device } = printer();
    device.receive(bytes(cmd('initialise'), text('head'), cmd('line-feed')));
    device.setCoverOpen(true);
    device.receive(bytes(text('middle'), cmd('line-feed')));
    device.setCoverOpen(false);
    device.receive(bytes(text('tail'), cmd('line-feed'), cmd('cut-full')));
    expect(device.receipts()).toEqual([
      { complete: false, lines: [expect.objectContaining({ text: 'head' }), expect.objectContaining({ text: 'tail' })] },
    ]);
  });

  it('tears the paper on a jam and marks the tail printed after it incomplete', () => {
    const { device } = printer();
    device.receive(bytes(text('before'), cmd('line-feed')));
    device.setJammed(true);
    device.setJammed(false);
    device.receive(bytes(text('after'), cmd('line-feed'), cmd('cut-full')));
    expect(device.receipts().map((r) => [r.complete, receiptText(r)])).toEqual([
      [false, 'before'],
      [false, 'after'],
    ]);
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
