import { describe, expect, it } from 'vitest';
import { scratchDatabases } from '../test-support/scratch-databases.ts';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';
import { openHostStore, sqliteDatabaseOf } from './sqlite-host-store.ts';

const scratchFile = scratchDatabases('migrations');

// Tokens that share their first 16 digits, all the journal's card index holds of them.
const cardA = `${'a'.repeat(16)}${'1'.repeat(48)}`;
const cardB = `${'a'.repeat(16)}${'2'.repeat(48)}`;

/** A file as a version-3 host left it: sales of two cards, a void of one, a reversal of another. */
function versionThreeFile(): string {
  const file = scratchFile();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.filter((m) => m.version <= 3)) {
    db.transaction(() => {
      for (const statement of migration.statements) db.exec(statement);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.exec(`INSERT INTO merchants (id, name, mcc, region) VALUES ('M1', 'Shop', '5411', '310000')`);
  db.prepare(`INSERT INTO terminals (terminal_id, merchant_id, tmk_wrapped, batch, last_stan) VALUES ('T1', 'M1', ?, '000001', '000004')`).run(
    Buffer.alloc(16, 7),
  );
  const journal = db.prepare(
    `INSERT INTO journal (terminal_id, merchant_id, batch, stan, mti, type, processing_code, amount_minor, requested_minor, pan_masked,
       pan_token, entry_mode, response_code, auth_code, rrn, created_at, status, original_id, hold_minor, answer)
     VALUES ('T1', 'M1', '000001', ?, '0200', ?, ?, ?, ?, '622202*********0123', ?, '051', '00', ?, ?, ?, 'approved', ?, 0, ?)`,
  );
  journal.run('000001', 'sale', '000000', 2_500, 2_500, cardA, '000001', '100000000001', 1_000, null, '{"mti":"0210"}');
  journal.run('000002', 'sale', '000000', 1_200, 1_200, cardB, '000002', '100000000002', 2_000, null, null);
  journal.run('000003', 'void', '200000', 2_500, 2_500, cardA, '000003', '100000000003', 3_000, 1, '{"mti":"0210","v":1}');
  db.exec(`UPDATE journal SET voided = 1 WHERE id = 1`);
  db.exec(`UPDATE journal SET reversed = 1, reversal_reason = '98', reversed_at = 4000 WHERE id = 2`);
  db.exec(`INSERT INTO reversals (terminal_id, batch, stan, original_mti, reason, original_id, outcome, created_at, answer)
           VALUES ('T1', '000001', '000002', '0200', '98', 2, 'reversed', 4000, '{"mti":"0410"}')`);
  db.close();
  return file;
}

describe('migrations', () => {
  it('brings a version-3 file forward with every journal row, id and reference as it was', () => {
    const file = versionThreeFile();
    const before = new Database(file, { readonly: true });
    const journalBefore = before.prepare('SELECT * FROM journal ORDER BY id').all();
    const reversalsBefore = before.prepare('SELECT * FROM reversals ORDER BY id').all();
    before.close();

    const store = openHostStore({ file });
    const db = sqliteDatabaseOf(store)!;
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect(db.prepare('SELECT * FROM journal ORDER BY id').all()).toEqual(journalBefore);
    expect(db.prepare('SELECT * FROM reversals ORDER BY id').all()).toEqual(reversalsBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('journal', 'reversals') ORDER BY name`).pluck().all()).toEqual([
      'journal_by_card',
      'journal_by_rrn',
      'sqlite_autoindex_journal_1',
      'sqlite_autoindex_reversals_1',
    ]);

    expect(store.journal({ panToken: cardA }).map((row) => [row.id, row.type, row.voided])).toEqual([
      [1, 'sale', true],
      [3, 'void', false],
    ]);
    expect(store.journal({ panToken: cardB })).toMatchObject([{ id: 2, reversed: true, reversalReason: '98' }]);
    expect(store.journal({ panToken: 'a'.repeat(64) })).toEqual([]);
    expect(store.reversal({ terminalId: 'T1', batch: '000001', stan: '000002', originalMti: '0200' })?.originalId).toBe(2);
    expect(store.journalById(3)).toMatchObject({ originalId: 1, answer: '{"mti":"0210","v":1}' });
    expect(store.terminal('T1')).toMatchObject({ lastStan: '000004', batch: '000001' });

    const next = store.appendJournal({
      terminalId: 'T1',
      merchantId: 'M1',
      batch: '000001',
      stan: '000005',
      mti: '0200',
      type: 'sale',
      processingCode: '000000',
      amountMinor: 100,
      requestedMinor: 100,
      panMasked: '622202*********0123',
      panToken: cardB,
      entryMode: '051',
      responseCode: '00',
      authCode: '000005',
      rrn: '100000000005',
      createdAt: 5_000,
      status: 'approved',
      originalId: undefined,
      holdMinor: 0,
      answer: undefined,
    });
    expect(next).toBe(4);
    // The references are still checked after the rebuild.
    expect(() =>
      store.appendReversal({
        terminalId: 'T1',
        batch: '000001',
        stan: '000009',
        originalMti: '0200',
        reason: '98',
        originalId: 99,
        outcome: 'reversed',
        createdAt: 6_000,
        answer: '{}',
      }),
    ).toThrow(expect.objectContaining({ code: 'HOST_UNKNOWN' }));
    store.close();
  });
});
