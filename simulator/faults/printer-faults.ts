import { z } from 'zod';
import { defineFault } from './fault.ts';

/** The roll runs out: anything printed after it is lost, a receipt in progress is torn. */
export const printerPaperOut = defineFault({
  name: 'printer.paper_out',
  summary: 'The paper roll is empty: the terminal must say so, keep the sale, and reprint when paper is back.',
  example: '- fault: { printer.paper_out: { for: 2m } }',
  params: z.object({}).strict(),
  apply: ({ printer }) => {
    printer.setPaper('out');
    return () => printer.setPaper('ok');
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

/** Paper caught in the cutter: the printer stops and reports an autocutter error. */
export const printerJam = defineFault({
  name: 'printer.jam',
  summary: 'Paper jams in the cutter: the receipt is torn, the terminal must report it and reprint once cleared.',
  example: '- fault: { printer.jam: {} }',
  params: z.object({}).strict(),
  apply: ({ printer }) => {
    printer.setJammed(true);
    return () => printer.setJammed(false);
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
