import { HostError } from '../host-errors.ts';
import type { CardTokens } from '../issuer/card-tokens.ts';
import type { HostStore, JournalFilter, JournalRow, ReconciliationRow, SettlementRow } from '../store/host-store.ts';

/** A journal row as the outside world sees it: the masked PAN, never the card's token. */
export type JournalView = Omit<JournalRow, 'panToken' | 'answer'>;

export interface JournalQuery extends Omit<JournalFilter, 'panToken'> {
  /** Only this card's rows; the PAN is turned into its token and not kept. */
  readonly pan?: string;
}

export interface TerminalView {
  readonly terminalId: string;
  readonly merchantId: string;
  /** The open batch. */
  readonly batch: string;
  readonly lastStan: string | undefined;
  readonly signedIn: boolean;
  /** Check values of the working keys from the last sign-in: they prove which keys, not what keys. */
  readonly pinKeyKcv: string | undefined;
  readonly macKeyKcv: string | undefined;
}

/** A card's money: the ledger, what open pre-authorisations hold, and what is left to spend. */
export interface AccountView {
  readonly ledgerMinor: number;
  readonly heldMinor: number;
  readonly availableMinor: number;
}

/** What the harness's judges and the admin views may read; nothing here is secret. */
export interface HostQueries {
  journal(query?: JournalQuery): JournalView[];
  /** The ledger balance: what sales, completions, voids, refunds and reversals left. */
  balance(pan: string): number;
  account(pan: string): AccountView;
  terminal(terminalId: string): TerminalView | undefined;
  settlements(filter?: { terminalId?: string; merchantId?: string }): SettlementRow[];
  reconciliations(filter?: { terminalId?: string }): ReconciliationRow[];
}

export function createQueries(store: HostStore, tokens: CardTokens): HostQueries {
  const card = (pan: string) => {
    const found = store.card(tokens.panToken(pan));
    if (!found) throw new HostError('HOST_UNKNOWN', 'no such card');
    return found;
  };
  return {
    journal(query = {}) {
      const { pan, ...filter } = query;
      const rows = store.journal(pan === undefined ? filter : { ...filter, panToken: tokens.panToken(pan) });
      return rows.map(({ panToken: _token, answer: _answer, ...view }) => view);
    },
    balance: (pan) => card(pan).balanceMinor,
    account(pan) {
      const { balanceMinor, heldMinor } = card(pan);
      return { ledgerMinor: balanceMinor, heldMinor, availableMinor: balanceMinor - heldMinor };
    },
    terminal(terminalId) {
      const terminal = store.terminal(terminalId);
      if (!terminal) return undefined;
      return {
        terminalId: terminal.terminalId,
        merchantId: terminal.merchantId,
        batch: terminal.batch,
        lastStan: terminal.lastStan,
        signedIn: terminal.signedIn,
        pinKeyKcv: terminal.workingKeys?.pinKeyKcv,
        macKeyKcv: terminal.workingKeys?.macKeyKcv,
      };
    },
    settlements: (filter) => store.settlements(filter),
    reconciliations: (filter) => store.reconciliations(filter),
  };
}
