import type { NonVolatileStore } from './ports.ts';

/**
 * The terminal's own record of every financial request it sent and how it ended, kept in
 * flash. It holds what a receipt and settlement need — masked PAN, never track or PIN data.
 */
export interface JournalEntry {
  readonly stan: string;
  readonly batch: string;
  readonly type: 'sale';
  readonly amountMinor: number;
  readonly panMasked: string;
  readonly entryMode: string;
  readonly at: number;
  readonly operator: string;
  readonly outcome: 'approved' | 'declined' | 'no-answer';
  readonly responseCode?: string;
  readonly authCode?: string;
  readonly rrn?: string;
}

const KEY = 'journal';

export class TerminalJournal {
  constructor(private readonly flash: NonVolatileStore) {}

  entries(): JournalEntry[] {
    return JSON.parse(this.flash.read(KEY) ?? '[]') as JournalEntry[];
  }

  append(entry: JournalEntry): void {
    this.flash.write(KEY, JSON.stringify([...this.entries(), entry]));
  }
}
