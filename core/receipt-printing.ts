import type { ReceiptLine } from '../drivers/printer/escpos-printer.ts';
import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';

/**
 * Prints one receipt, asking the printer's real-time status first. When the printer cannot
 * print (no paper, cover open, jam, no answer) the operator is told what is wrong and asked to
 * press ENTER once it is fixed; the transaction itself already stands.
 */
export async function printReceipt(ctx: TerminalContext, lines: readonly ReceiptLine[]): Promise<boolean> {
  for (;;) {
    const problem = await printerProblem(ctx);
    if (!problem) {
      await ctx.devices.printer.print(lines);
      return true;
    }
    ctx.show(screens.printerProblem(problem));
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined || key === 'CANCEL') return false;
  }
}

async function printerProblem(ctx: TerminalContext): Promise<string | undefined> {
  try {
    const status = await ctx.devices.printer.status();
    if (status.paper === 'out') return 'OUT OF PAPER';
    if (status.coverOpen) return 'COVER OPEN';
    if (status.jammed) return 'PAPER JAM';
    if (!status.online) return 'OFFLINE';
    return undefined;
  } catch {
    return 'NOT RESPONDING';
  }
}
