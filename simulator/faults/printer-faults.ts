import { z } from 'zod';
import { defineFault } from './fault.ts';
import { count } from './params.ts';

/**
 * The roll runs out, at once or after `after_lines` more printed lines (mid-receipt): anything
 * sent after it is lost, a receipt in progress is torn.
 */
export const printerPaperOut = defineFault({
  name: 'printer.paper_out',
  summary: 'The paper roll is empty (or runs out mid-receipt): the terminal must say so, keep the sale, and reprint when paper is back.',
  example: '- fault: { printer.paper_out: {} }',
  params: z.object({ after_lines: count.optional() }).strict(),
  apply: ({ printer }, { after_lines: afterLines }) => {
    const runOut = (): void => printer.setPaper('out');
    const disarm = afterLines === undefined ? (runOut(), () => {}) : printer.when('lines', afterLines, runOut);
    return () => {
      disarm();
      printer.setPaper('ok');
    };
  },
});

/** The roll is nearly empty: printing goes on, the sensor warns. */
export const printerPaperNearEnd = defineFault({
  name: 'printer.paper_near_end',
  summary: 'The roll is nearly empty: printing continues, the terminal should warn the cashier.',
  example: '- fault: { printer.paper_near_end: {} }',
  params: z.object({}).strict(),
  apply: ({ printer }) => {
    printer.setPaper('near-end');
    return () => printer.setPaper('ok');
  },
});

/**
 * Paper caught in the cutter, at once or after `after_lines` more printed lines (mid-receipt):
 * the printer stops and reports an autocutter error.
 */
export const printerJam = defineFault({
  name: 'printer.jam',
  summary: 'Paper jams in the cutter: the receipt is torn, the terminal must report it and reprint once cleared.',
  example: '- fault: { printer.jam: {} }',
  params: z.object({ after_lines: count.optional() }).strict(),
  apply: ({ printer }, { after_lines: afterLines }) => {
    const jam = (): void => printer.setJammed(true);
    const disarm = afterLines === undefined ? (jam(), () => {}) : printer.when('lines', afterLines, jam);
    return () => {
      disarm();
      printer.setJammed(false);
    };
  },
});

/** The cover is open: nothing prints until it is closed. */
export const printerCoverOpen = defineFault({
  name: 'printer.cover_open',
  summary: 'The printer cover is open: printing waits; nothing may be lost.',
  example: '- fault: { printer.cover_open: { for: 20s } }',
  params: z.object({}).strict(),
  apply: ({ printer }) => {
    printer.setCoverOpen(true);
    return () => printer.setCoverOpen(false);
  },
});

/** The head is too hot: the printer stops until it has cooled, and says why. */
export const printerOverheat = defineFault({
  name: 'printer.overheat',
  summary: 'The print head overheats: the printer stops and reports it; what was sent meanwhile is lost and must be reprinted.',
  example: '- fault: { printer.overheat: { for: 30s } }',
  params: z.object({}).strict(),
  apply: ({ printer }) => {
    printer.setOverheated(true);
    return () => printer.setOverheated(false);
  },
});

/**
 * The printer loses power, at once or after `after_bytes` more bytes of a job have reached it:
 * it answers nothing, the rest of the job is lost and the receipt torn. Healing restores power;
 * the printer starts cold, every mode reset as by ESC @.
 */
export const printerPowerLoss = defineFault({
  name: 'printer.power_loss',
  summary: 'The printer loses power while printing: the receipt comes out incomplete, status queries go unanswered until power returns.',
  example: '- fault: { printer.power_loss: {} }',
  params: z.object({ after_bytes: count.optional() }).strict(),
  apply: ({ printer }, { after_bytes: afterBytes }) => {
    const cut = (): void => printer.setPowered(false);
    const disarm = afterBytes === undefined ? (cut(), () => {}) : printer.when('bytes', afterBytes, cut);
    return () => {
      disarm();
      printer.setPowered(true);
    };
  },
});
