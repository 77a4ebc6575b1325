import type { ReceiptLine } from '../drivers/printer/escpos-printer.ts';
import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';

/**
 * printed: the whole receipt came out. not-printed: the printer had a problem a person can
 * fix (paper, cover, jam) and the operator gave up waiting. dead: the printer does not answer.
 */
export type PrintResult = 'printed' | 'not-printed' | 'dead';

/** The receipt's lines; `reprint` asks for the copy marked as printed again. */
export type LayOutReceipt = (reprint: boolean) => readonly ReceiptLine[];

/**
 * Prints one receipt. ESC/POS does not acknowledge lines, so the printer's real-time status
 * is asked before and after: paper that ran out mid-receipt means the receipt is torn and is
 * printed again in full, marked as a reprint, once the operator has fixed the printer and
 * pressed ENTER (two whole slips for one sale must be told apart).
 */
export async function printReceipt(ctx: TerminalContext, layOut: LayOutReceipt): Promise<PrintResult> {
  let torn = false;
  for (;;) {
    let problem = await printerProblem(ctx);
    if (problem === undefined) {
      try {
        await ctx.devices.printer.print(layOut(torn));
      } catch {
        return 'dead';
      }
      torn = true;
      problem = await printerProblem(ctx);
      if (problem === undefined) return 'printed';
    }
    if (problem === 'dead') return 'dead';
    ctx.show(screens.printerProblem(problem));
    const key = await ctx.input.nextKey(ctx.promptTimeoutMs);
    if (key === undefined || key === 'CANCEL') return 'not-printed';
    ctx.show(screens.printing());
  }
}

/** What a person must fix, 'dead' when the printer does not answer twice in a row. */
async function printerProblem(ctx: TerminalContext): Promise<string | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const status = await ctx.devices.printer.status();
      ctx.session.paperLow = status.paper === 'near-end';
      if (status.paper === 'out') return 'OUT OF PAPER';
      if (status.coverOpen) return 'COVER OPEN';
      if (status.jammed) return 'PAPER JAM';
      if (status.overheated) return 'HEAD OVERHEATED';
      if (!status.online) return 'OFFLINE';
      return undefined;
    } catch {
      // asked again once: a single lost status byte is not a dead printer
    }
  }
  return 'dead';
}
