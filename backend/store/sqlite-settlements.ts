import type Database from 'better-sqlite3';
import type { HostStore } from './host-store.ts';
import { reconciliationFromRow, settlementFromRow, uploadFromRow } from './sqlite-rows.ts';
import type { ReconciliationDbRow, SettlementDbRow, UploadDbRow } from './sqlite-rows.ts';
import { guard, statementCache } from './sqlite-statements.ts';

export type SettlementStore = Pick<
  HostStore,
  'saveSettlement' | 'settlement' | 'settlements' | 'saveUpload' | 'uploads' | 'appendReconciliation' | 'reconciliations'
>;

/** Settlements of batches, the transactions terminals upload, and what reconciling them found. */
export function sqliteSettlements(db: Database.Database): SettlementStore {
  const sql = statementCache(db);
  return {
    saveSettlement(entry) {
      const row = sql(
        `INSERT INTO settlements (terminal_id, merchant_id, batch, stan, terminal_totals, host_totals, result, state,
           settled_totals, next_batch, created_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (terminal_id, batch) DO UPDATE SET
           merchant_id = excluded.merchant_id, stan = excluded.stan, terminal_totals = excluded.terminal_totals,
           host_totals = excluded.host_totals, result = excluded.result, state = excluded.state,
           settled_totals = excluded.settled_totals, next_batch = excluded.next_batch, closed_at = excluded.closed_at
         RETURNING id`,
      ).get(
        entry.terminalId,
        entry.merchantId,
        entry.batch,
        entry.stan,
        JSON.stringify(entry.terminalTotals),
        JSON.stringify(entry.hostTotals),
        entry.result,
        entry.state,
        entry.settledTotals ? JSON.stringify(entry.settledTotals) : null,
        entry.nextBatch ?? null,
        entry.createdAt,
        entry.closedAt ?? null,
      ) as { id: number };
      return row.id;
    },
    settlement(terminalId, batch) {
      const row = sql('SELECT * FROM settlements WHERE terminal_id = ? AND batch = ?').get(terminalId, batch) as SettlementDbRow | undefined;
      return row && settlementFromRow(row);
    },
    settlements(filter = {}) {
      const rows = sql(
        `SELECT * FROM settlements WHERE (@terminal IS NULL OR terminal_id = @terminal) AND (@merchant IS NULL OR merchant_id = @merchant)
         ORDER BY id`,
      ).all({ terminal: filter.terminalId ?? null, merchant: filter.merchantId ?? null }) as SettlementDbRow[];
      return rows.map(settlementFromRow);
    },

    saveUpload(entry) {
      sql(
        `INSERT OR REPLACE INTO batch_uploads (terminal_id, batch, stan, message_type, processing_code, amount_minor, pan_token,
           pan_masked, rrn, auth_code, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        entry.terminalId,
        entry.batch,
        entry.stan,
        entry.messageType,
        entry.processingCode,
        entry.amountMinor,
        entry.panToken,
        entry.panMasked,
        entry.rrn ?? null,
        entry.authCode ?? null,
        entry.createdAt,
      );
    },
    uploads(terminalId, batch) {
      const rows = sql('SELECT * FROM batch_uploads WHERE terminal_id = ? AND batch = ? ORDER BY stan').all(terminalId, batch) as UploadDbRow[];
      return rows.map(uploadFromRow);
    },
    appendReconciliation(entry) {
      const result = guard(`reconciliation ${entry.terminalId}/${entry.batch}`, () =>
        sql(
          `INSERT INTO reconciliations (settlement_id, terminal_id, batch, declared_count, uploaded_count, differences, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          entry.settlementId,
          entry.terminalId,
          entry.batch,
          entry.declaredCount,
          entry.uploadedCount,
          JSON.stringify(entry.differences),
          entry.createdAt,
        ),
      );
      return Number(result.lastInsertRowid);
    },
    reconciliations(filter = {}) {
      const rows = sql('SELECT * FROM reconciliations WHERE (@terminal IS NULL OR terminal_id = @terminal) ORDER BY id').all({
        terminal: filter.terminalId ?? null,
      }) as ReconciliationDbRow[];
      return rows.map(reconciliationFromRow);
    },
  };
}
