import type Database from 'better-sqlite3';
import type { BatchTotals, HostStore, JournalFilter } from './host-store.ts';
import { journalFromRow, reversalFromRow } from './sqlite-rows.ts';
import type { JournalDbRow, ReversalDbRow } from './sqlite-rows.ts';
import { guard, statementCache } from './sqlite-statements.ts';

export type JournalStore = Pick<
  HostStore,
  'appendJournal' | 'journalEntry' | 'journalById' | 'updateJournal' | 'journal' | 'batchTotals' | 'appendReversal' | 'reversal'
>;

// Named parameters, so that a value can appear twice in its clause.
const journalClauses: Readonly<Record<keyof JournalFilter, string>> = {
  terminalId: 'j.terminal_id = @terminalId',
  merchantId: 'j.merchant_id = @merchantId',
  batch: 'j.batch = @batch',
  stan: 'j.stan = @stan',
  mti: 'j.mti = @mti',
  status: 'j.status = @status',
  // journal_by_card holds the token's prefix only (migration 4): this spelling reaches it.
  panToken: 'substr(j.pan_token, 1, 16) = substr(@panToken, 1, 16) AND j.pan_token = @panToken',
  type: 'j.type = @type',
  rrn: 'j.rrn = @rrn',
};

// A row's batch is closed once a settlement of that batch has closed it.
const SELECT_ROWS = `SELECT j.*, CASE WHEN s.state = 'closed' THEN 'closed' ELSE 'open' END AS batch_state
  FROM journal j LEFT JOIN settlements s ON s.terminal_id = j.terminal_id AND s.batch = j.batch`;

/** The journal of every answered financial request, and the reversals that undid some of them. */
export function sqliteJournal(db: Database.Database): JournalStore {
  const sql = statementCache(db);
  const one = (where: string, ...values: unknown[]) => {
    const row = sql(`${SELECT_ROWS} WHERE ${where}`).get(...values) as JournalDbRow | undefined;
    return row && journalFromRow(row);
  };
  return {
    appendJournal(entry) {
      let result: Database.RunResult;
      try {
        result = sql(
          `INSERT INTO journal (terminal_id, merchant_id, batch, stan, mti, type, processing_code, amount_minor, requested_minor,
             pan_masked, pan_token, entry_mode, response_code, auth_code, rrn, created_at, status, original_id, hold_minor, answer)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          entry.terminalId,
          entry.merchantId,
          entry.batch,
          entry.stan,
          entry.mti,
          entry.type,
          entry.processingCode,
          entry.amountMinor,
          entry.requestedMinor,
          entry.panMasked,
          entry.panToken,
          entry.entryMode,
          entry.responseCode,
          entry.authCode ?? null,
          entry.rrn,
          entry.createdAt,
          entry.status,
          entry.originalId ?? null,
          entry.holdMinor,
          entry.answer ?? null,
        );
      } catch (error) {
        // The entry is named only when the write fails, and guard turns the failure into the host's
        // error as for any other write: every sale appends, and naming it up front cost ~0.3 KB.
        return guard(`journal entry ${entry.terminalId}/${entry.batch}/${entry.stan}/${entry.mti}`, () => {
          throw error;
        });
      }
      return Number(result.lastInsertRowid);
    },
    journalEntry(key) {
      return one('j.terminal_id = ? AND j.batch = ? AND j.stan = ? AND j.mti = ?', key.terminalId, key.batch, key.stan, key.mti);
    },
    journalById(id) {
      return one('j.id = ?', id);
    },
    updateJournal(id, change) {
      if (change.reversed !== undefined) {
        const reversal = change.reversed;
        sql('UPDATE journal SET reversed = ?, reversal_reason = ?, reversed_at = ? WHERE id = ?').run(
          reversal ? 1 : 0,
          reversal ? reversal.reason : null,
          reversal ? reversal.at : null,
          id,
        );
      }
      if (change.voided !== undefined) sql('UPDATE journal SET voided = ? WHERE id = ?').run(change.voided ? 1 : 0, id);
      if (change.refundedMinor !== undefined) sql('UPDATE journal SET refunded_minor = ? WHERE id = ?').run(change.refundedMinor, id);
      if (change.holdMinor !== undefined) sql('UPDATE journal SET hold_minor = ? WHERE id = ?').run(change.holdMinor, id);
    },
    journal(filter = {}) {
      const clauses: string[] = [];
      const values: Partial<Record<keyof JournalFilter, string>> = {};
      for (const [key, clause] of Object.entries(journalClauses) as [keyof JournalFilter, string][]) {
        const value = filter[key];
        if (value === undefined) continue;
        clauses.push(clause);
        values[key] = value;
      }
      const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      const rows = sql(`${SELECT_ROWS} ${where} ORDER BY j.id`).all(values) as JournalDbRow[];
      return rows.map(journalFromRow);
    },
    batchTotals(terminalId, batch) {
      const row = sql(
        `SELECT
           COALESCE(SUM(type IN ('sale', 'completion')), 0) AS debitCount,
           COALESCE(SUM(CASE WHEN type IN ('sale', 'completion') THEN amount_minor ELSE 0 END), 0) AS debitMinor,
           COALESCE(SUM(type = 'refund'), 0) AS creditCount,
           COALESCE(SUM(CASE WHEN type = 'refund' THEN amount_minor ELSE 0 END), 0) AS creditMinor
         FROM journal
         WHERE terminal_id = ? AND batch = ? AND status = 'approved' AND reversed = 0 AND voided = 0`,
      ).get(terminalId, batch) as BatchTotals;
      return { ...row };
    },

    appendReversal(entry) {
      const result = guard(`reversal ${entry.terminalId}/${entry.batch}/${entry.stan}`, () =>
        sql(
          `INSERT INTO reversals (terminal_id, batch, stan, original_mti, reason, original_id, outcome, created_at, answer)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          entry.terminalId,
          entry.batch,
          entry.stan,
          entry.originalMti,
          entry.reason,
          entry.originalId ?? null,
          entry.outcome,
          entry.createdAt,
          entry.answer,
        ),
      );
      return Number(result.lastInsertRowid);
    },
    reversal(key) {
      const row = sql('SELECT * FROM reversals WHERE terminal_id = ? AND batch = ? AND stan = ? AND original_mti = ?').get(
        key.terminalId,
        key.batch,
        key.stan,
        key.originalMti,
      ) as ReversalDbRow | undefined;
      return row && reversalFromRow(row);
    },
  };
}
