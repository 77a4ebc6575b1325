import type Database from 'better-sqlite3';
import { HostError } from '../host-errors.ts';
import type { HostStore, TerminalRecord } from './host-store.ts';
import { CARD_COLUMNS, cardFromColumns, terminalFromRow } from './sqlite-rows.ts';
import type { CardColumns, TerminalRow } from './sqlite-rows.ts';
import { guard, statementCache } from './sqlite-statements.ts';

export type RegistryStore = Pick<
  HostStore,
  | 'meta'
  | 'setMeta'
  | 'addMerchant'
  | 'merchant'
  | 'addTerminal'
  | 'terminal'
  | 'recordSignIn'
  | 'recordSignOut'
  | 'recordStan'
  | 'openBatch'
  | 'addCard'
  | 'card'
  | 'setPinTries'
  | 'debit'
  | 'adjustBalance'
  | 'adjustHold'
>;

/**
 * Merchants, terminals and cards: who may transact, with which keys, on which money.
 * Every request reads its terminal, so terminal records are kept in `terminals` once read:
 * each write here updates or drops the entry, and the store clears the whole map when a
 * transaction rolls back, so an entry never outlives the row it was read from.
 */
export function sqliteRegistry(db: Database.Database, terminals: Map<string, TerminalRecord>): RegistryStore {
  const sql = statementCache(db);
  const cardColumns = db.prepare(`SELECT ${CARD_COLUMNS} FROM cards WHERE pan_token = ?`).raw(true);
  return {
    meta(key) {
      const row = sql('SELECT value FROM host_meta WHERE key = ?').get(key) as { value: string } | undefined;
      return row?.value;
    },
    setMeta(key, value) {
      sql('INSERT INTO host_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    },

    addMerchant(merchant) {
      guard(`merchant ${merchant.id}`, () =>
        sql('INSERT INTO merchants (id, name, mcc, region) VALUES (?, ?, ?, ?)').run(merchant.id, merchant.name, merchant.mcc, merchant.region),
      );
    },
    merchant(id) {
      return sql('SELECT id, name, mcc, region FROM merchants WHERE id = ?').get(id) as ReturnType<RegistryStore['merchant']>;
    },

    addTerminal(terminal) {
      guard(`terminal ${terminal.terminalId}`, () =>
        sql('INSERT INTO terminals (terminal_id, merchant_id, tmk_wrapped, batch) VALUES (?, ?, ?, ?)').run(
          terminal.terminalId,
          terminal.merchantId,
          Buffer.from(terminal.tmkWrapped),
          terminal.batch,
        ),
      );
    },
    terminal(terminalId) {
      const known = terminals.get(terminalId);
      if (known) return known;
      const row = sql('SELECT * FROM terminals WHERE terminal_id = ?').get(terminalId) as TerminalRow | undefined;
      const record = row && terminalFromRow(row);
      if (record) terminals.set(terminalId, record);
      return record;
    },
    recordSignIn(terminalId, keys, stan) {
      terminals.delete(terminalId);
      sql(
        `UPDATE terminals SET signed_in = 1, last_stan = ?, pin_key_wrapped = ?, pin_key_kcv = ?,
           mac_key_wrapped = ?, mac_key_kcv = ? WHERE terminal_id = ?`,
      ).run(stan, Buffer.from(keys.pinKeyWrapped), keys.pinKeyKcv, Buffer.from(keys.macKeyWrapped), keys.macKeyKcv, terminalId);
    },
    recordSignOut(terminalId, stan) {
      terminals.delete(terminalId);
      sql('UPDATE terminals SET signed_in = 0, last_stan = ? WHERE terminal_id = ?').run(stan, terminalId);
    },
    recordStan(terminalId, stan) {
      sql('UPDATE terminals SET last_stan = ? WHERE terminal_id = ?').run(stan, terminalId);
      const known = terminals.get(terminalId);
      if (known) terminals.set(terminalId, { ...known, lastStan: stan });
    },
    openBatch(terminalId, batch) {
      terminals.delete(terminalId);
      sql('UPDATE terminals SET batch = ? WHERE terminal_id = ?').run(batch, terminalId);
    },

    addCard(card) {
      guard(`card ${card.panMasked}`, () =>
        sql(
          `INSERT INTO cards (pan_token, pan_masked, expiry, status, product, balance_minor, held_minor, pin_verifier, pin_tries,
             behaviour, delay_ms, partial_limit_minor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          card.panToken,
          card.panMasked,
          card.expiry,
          card.status,
          card.product,
          card.balanceMinor,
          card.heldMinor,
          card.pinVerifier,
          card.pinTries,
          card.behaviour ?? null,
          card.delayMs ?? null,
          card.partialLimitMinor ?? null,
        ),
      );
    },
    card(panToken) {
      const columns = cardColumns.get(panToken) as CardColumns | undefined;
      return columns && cardFromColumns(panToken, columns);
    },
    setPinTries(panToken, tries) {
      sql('UPDATE cards SET pin_tries = ? WHERE pan_token = ?').run(tries, panToken);
    },
    debit(panToken, amountMinor) {
      const result = sql(
        'UPDATE cards SET balance_minor = balance_minor - ? WHERE pan_token = ? AND balance_minor - held_minor >= ?',
      ).run(amountMinor, panToken, amountMinor);
      if (result.changes !== 1) throw new HostError('HOST_INVALID', 'debit refused: unknown card or funds too low');
    },
    adjustBalance(panToken, deltaMinor) {
      const result = sql('UPDATE cards SET balance_minor = balance_minor + ? WHERE pan_token = ?').run(deltaMinor, panToken);
      if (result.changes !== 1) throw new HostError('HOST_UNKNOWN', 'no such card');
    },
    adjustHold(panToken, deltaMinor) {
      const result = sql('UPDATE cards SET held_minor = held_minor + ? WHERE pan_token = ?').run(deltaMinor, panToken);
      if (result.changes !== 1) throw new HostError('HOST_UNKNOWN', 'no such card');
    },
  };
}
