import { HostError } from '../host-errors.ts';
import type { CardTokens } from '../issuer/card-tokens.ts';
import type { HostStore, JournalFilter, JournalRow } from '../store/host-store.ts';

/** A journal row as the outside world sees it: the masked PAN, never the card's token. */
export type JournalView = Omit<JournalRow, 'panToken'>;

export interface JournalQuery extends Omit<JournalFilter, 'panToken'> {
  /** Only this card's rows; the PAN is turned into its token and not kept. */
  readonly pan?: string;
}

export interface TerminalView {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly batch: string;
  readonly lastStan: string | undefined;
  readonly signedIn: boolean;
  /** Check values of the working keys from the last sign-in: they prove which keys, not what keys. */
  readonly pinKeyKcv: string | undefined;
  readonly macKeyKcv: string | undefined;
}

/** What the harness's judges and the admin views may read; nothing here is secret. */
export interface HostQueries {
  journal(query?: JournalQuery): JournalView[];
  balance(pan: string): number;
  terminal(terminalId: string): TerminalView | undefined;
}

export function createQueries(store: HostStore, tokens: CardTokens): HostQueries {
  return {
    journal(query = {}) {
      const { pan, ...filter } = query;
      const rows = store.journal(pan === undefined ? filter : { ...filter, panToken: tokens.panToken(pan) });
      return rows.map(({ panToken: _token, ...view }) => view);
    },
    balance(pan) {
      const card = store.card(tokens.panToken(pan));
      if (!card) throw new HostError('HOST_UNKNOWN', 'no such card');
      return card.balanceMinor;
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
  };
}
