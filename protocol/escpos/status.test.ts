import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { realtimeStatus } from './commands.ts';
import { HEALTHY_PRINTER, PrinterStatusByteError, decodePrinterStatus, encodeStatusByte, encodeTransmitPaperStatus, isOnline } from './status.ts';
import type { PrinterCondition } from './status.ts';

const ALL = [realtimeStatus.printer, realtimeStatus.offlineCause, realtimeStatus.errorCause, realtimeStatus.paperSensor];

function answers(condition: PrinterCondition): number[] {
  return ALL.map((kind) => encodeStatusByte(kind, condition));
}

const healthy: PrinterCondition = HEALTHY_PRINTER;

describe('DLE EOT status bytes', () => {
  it('answers 0x12 to every query when all is well', () => {
    expect(answers(healthy)).toEqual([0x12, 0x12, 0x12, 0x12]);
  });

  // Expected bytes worked out from Epson's DLE EOT tables (fixed bits 1 and 4 always set).
  it.each([
    ['paper out', { ...healthy, paper: 'out' }, [0x1a, 0x32, 0x12, 0x7e]],
    ['paper near end', { ...healthy, paper: 'near-end' }, [0x12, 0x12, 0x12, 0x1e]],
    ['cover open', { ...healthy, coverOpen: true }, [0x1a, 0x16, 0x12, 0x12]],
    ['jammed', { ...healthy, jammed: true }, [0x3a, 0x52, 0x1a, 0x12]],
    ['overheated', { ...healthy, overheated: true }, [0x1a, 0x52, 0x52, 0x12]],
  ] as const)('%s', (_name, condition, bytes) => {
    expect(answers(condition)).toEqual(bytes);
  });

  it('decodes what it encodes, for every combination of faults', () => {
    const condition = fc.record({
      paper: fc.constantFrom('ok' as const, 'near-end' as const, 'out' as const),
      coverOpen: fc.boolean(),
      jammed: fc.boolean(),
      overheated: fc.boolean(),
    });
    fc.assert(
      fc.property(condition, (c) => {
        const [a, b, e, p] = answers(c) as [number, number, number, number];
        expect(decodePrinterStatus(a, b, e, p)).toEqual({ online: isOnline(c), ...c });
      }),
      { seed: 8583 },
    );
  });

  it('answers GS r 1 with the paper sensors only', () => {
    expect([encodeTransmitPaperStatus('ok'), encodeTransmitPaperStatus('near-end'), encodeTransmitPaperStatus('out')]).toEqual([0x00, 0x03, 0x0f]);
  });

  it('blames the peer for a byte whose fixed bits are wrong', () => {
    const error = (() => {
      try {
        decodePrinterStatus(0x12, 0x12, 0x00, 0x12);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PrinterStatusByteError);
    expect(error).toMatchObject({ code: 'ESCPOS_BAD_STATUS', side: 'peer', byte: 0 });
  });
});
