import type { Screen } from './ports.ts';

const busy = (...lines: string[]): Screen => ({ lines, awaiting: 'nothing' });
const ask = (...lines: string[]): Screen => ({ lines, awaiting: 'person' });

/** What the terminal shows about offline approvals and their advices (20 columns, 4 lines). */
export const offlineScreens = {
  /** The card's TC is 16 hex digits: `TC ` and all of it fit one line. */
  approved: (tc: string) => busy('APPROVED OFFLINE', `TC ${tc}`, 'PRINTING...'),
  /** The TC is final: a printer that died changes nothing but the paper. */
  printerDead: () => ask('PRINTER FAULT', 'OFFLINE SALE STANDS', 'REPRINT: MENU 7', 'PRESS ANY KEY'),
  sendingAdvices: (count: number) => busy('SENDING ADVICE', `${count} PENDING`, 'PLEASE WAIT'),
  /** Settlement waits: its totals count offline sales the host has not heard of yet. */
  advicesPending: (count: number, linkDown: boolean) =>
    ask(`${count} ADVICE PENDING`, linkDown ? 'NETWORK DOWN' : 'HOST NOT ANSWERING', 'SETTLE LATER', 'PRESS ANY KEY'),
};
