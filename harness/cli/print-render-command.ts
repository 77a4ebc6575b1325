/**
 * `poslab print-render FILE -o OUT.png`: feeds an ESC/POS byte file, as any program or
 * library wrote it, to the emulated printer and saves what comes out as a PNG at 203 dpi.
 * Several receipts (several cuts) come out one under the other with the cut marked; what
 * the printer did not understand is listed on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { PoslabError } from '../../platform/errors.ts';
import type { EventDetail } from '../../platform/events.ts';
import { ReceiptPrinter } from '../../simulator/printer/receipt-printer.ts';
import { joinRasters, renderRasterPng } from '../../simulator/printer/render.ts';

/** Raised for a file that cannot be read: exit code 2, the user's input is at fault. */
export class PrintFileError extends PoslabError {
  constructor(path: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((cause as Error).message ?? cause);
    super('PRINT_FILE', `cannot read ESC/POS file ${path}: ${reason}`, { side: 'input', cause });
  }
}

function widthOption(value: string): 384 | 576 {
  if (value === '384' || value === '576') return Number(value) as 384 | 576;
  throw new InvalidArgumentError('384 (58 mm paper) or 576 (80 mm paper)');
}

export interface PrintRenderResult {
  readonly receipts: number;
  readonly width: number;
  readonly height: number;
  /** Printer events worth a warning: unknown commands, symbols it could not print. */
  readonly warnings: readonly string[];
}

const QUIET_EVENTS = new Set(['receipt-cut']);

/** Renders `bytes` as the emulated printer prints them; the PNG's bytes and what happened. */
export function renderEscPos(bytes: Uint8Array, widthDots: 384 | 576, chineseAtPowerOn = false): { png: Uint8Array; result: PrintRenderResult } {
  const warnings: string[] = [];
  const describe = (kind: string, detail?: EventDetail): string =>
    detail ? `${kind}: ${Object.entries(detail).map(([key, value]) => `${key} ${value}`).join(', ')}` : kind;
  const printer = new ReceiptPrinter({
    widthDots,
    chineseAtPowerOn,
    events: (_source, kind, detail) => {
      if (!QUIET_EVENTS.has(kind)) warnings.push(describe(kind, detail));
    },
  });
  printer.receive(bytes);
  const pieces = [...printer.receipts(), printer.pending()].filter((piece) => piece.raster.height > 0 || piece.lines.length > 0);
  const raster = joinRasters(pieces.map((piece) => piece.raster), widthDots);
  const png = renderRasterPng(raster);
  return { png, result: { receipts: printer.receipts().length, width: widthDots, height: raster.height, warnings } };
}

export function printRenderCommand(): Command {
  return new Command('print-render')
    .exitOverride()
    .description('render an ESC/POS byte file to a PNG, as the emulated thermal printer prints it')
    .argument('<file>', 'ESC/POS bytes, e.g. what a POS library wrote for a printer')
    .requiredOption('-o, --out <png>', 'the PNG to write')
    .option('-w, --width <dots>', 'print head width: 384 (58 mm) or 576 (80 mm)', widthOption, 384)
    .option('--chinese', 'the printer starts in Chinese (GB18030) mode, as Chinese-market printers do', false)
    .action(async (file: string, flags: { out: string; width: 384 | 576; chinese: boolean }) => {
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new PrintFileError(file, error);
      });
      const { png, result } = renderEscPos(new Uint8Array(bytes), flags.width, flags.chinese);
      await writeFile(flags.out, png);
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
      console.log(`${flags.out}: ${result.receipts} receipt(s) cut, ${result.width} x ${result.height} dots`);
    });
}
