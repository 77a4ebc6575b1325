import Database from 'better-sqlite3';
import { HostError } from '../host-errors.ts';
import type {
  CardRecord,
  HostStore,
  JournalEntry,
  JournalFilter,
  JournalRow,
  MerchantRecord,
  StoredWorkingKeys,
  TerminalRecord,
} from './host-store.ts';
import { migrations } from './migrations.ts';
import { cardFromRow, journalFromRow, terminalFromRow } from './sqlite-rows.ts';
import type { CardRow, JournalDbRow, TerminalRow } from './sqlite-rows.ts';

export interface HostStoreOptions {
  /** A database file; without one the store lives in memory and ends with `close()`. */
  readonly file?: string;
}

/**
 * Opens the host's SQLite store. A file-backed store runs in WAL mode with synchronous=FULL,
 * so a transaction that has returned survives a crash of the process or the machine: the host
 * answers a terminal only after that point.
 */
export function openHostStore(options: HostStoreOptions = {}): HostStore {
  const db = new Database(options.file ?? ':memory:');
  try {
    if (options.file !== undefined) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteHostStore(db);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new HostError('HOST_STORE_VERSION', `store schema ${current} is newer than this host (${latest})`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      for (const statement of migration.statements) db.exec(statement);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

const journalColumns: Readonly<Record<keyof JournalFilter, string>> = {
  terminalId: 'terminal_id',
  merchantId: 'merchant_id',
  batch: 'batch',
  stan: 'stan',
  mti: 'mti',
  status: 'status',
  panToken: 'pan_token',
};

class SqliteHostStore implements HostStore {
  constructor(private readonly db: Database.Database) {}

  meta(key: string): string | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM host_meta WHERE key = ?').get(key);
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO host_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  addMerchant(merchant: MerchantRecord): void {
    guard(`merchant ${merchant.id}`, () =>
      this.db
        .prepare('INSERT INTO merchants (id, name, mcc, region) VALUES (?, ?, ?, ?)')
        .run(merchant.id, merchant.name, merchant.mcc, merchant.region),
    );
  }

  merchant(id: string): MerchantRecord | undefined {
    return this.db
      .prepare<[string], MerchantRecord>('SELECT id, name, mcc, region FROM merchants WHERE id = ?')
      .get(id);
  }

  addTerminal(terminal: { terminalId: string; merchantId: string; tmkWrapped: Uint8Array; batch: string }): void {
    guard(`terminal ${terminal.terminalId}`, () =>
      this.db
        .prepare('INSERT INTO terminals (terminal_id, merchant_id, tmk_wrapped, batch) VALUES (?, ?, ?, ?)')
        .run(terminal.terminalId, terminal.merchantId, Buffer.from(terminal.tmkWrapped), terminal.batch),
    );
  }

  terminal(terminalId: string): TerminalRecord | undefined {
    const row = this.db.prepare<[string], TerminalRow>('SELECT * FROM terminals WHERE terminal_id = ?').get(terminalId);
    return row && terminalFromRow(row);
  }

  recordSignIn(terminalId: string, keys: StoredWorkingKeys, stan: string): void {
    this.db
      .prepare(
        `UPDATE terminals SET signed_in = 1, last_stan = ?, pin_key_wrapped = ?, pin_key_kcv = ?,
           mac_key_wrapped = ?, mac_key_kcv = ? WHERE terminal_id = ?`,
      )
      .run(stan, Buffer.from(keys.pinKeyWrapped), keys.pinKeyKcv, Buffer.from(keys.macKeyWrapped), keys.macKeyKcv, terminalId);
  }

  recordStan(terminalId: string, stan: string): void {
    this.db.prepare('UPDATE terminals SET last_stan = ? WHERE terminal_id = ?').run(stan, terminalId);
  }

  addCard(card: CardRecord): void {
    guard(`card ${card.panMasked}`, () =>
      this.db
        .prepare(
          `INSERT INTO cards (pan_token, pan_masked, expiry, status, product, balance_minor, pin_verifier, pin_tries)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          card.panToken,
          card.panMasked,
          card.expiry,
          card.status,
          card.product,
          card.balanceMinor,
          card.pinVerifier,
          card.pinTries,
        ),
    );
  }

  card(panToken: string): CardRecord | undefined {
    const row = this.db.prepare<[string], CardRow>('SELECT * FROM cards WHERE pan_token = ?').get(panToken);
    return row && cardFromRow(row);
  }

  setPinTries(panToken: string, tries: number): void {
    this.db.prepare('UPDATE cards SET pin_tries = ? WHERE pan_token = ?').run(tries, panToken);
  }

  debit(panToken: string, amountMinor: number): void {
    const result = this.db
      .prepare('UPDATE cards SET balance_minor = balance_minor - ? WHERE pan_token = ? AND balance_minor >= ?')
      .run(amountMinor, panToken, amountMinor);
    if (result.changes !== 1) throw new HostError('HOST_INVALID', 'debit refused: unknown card or balance too low');
  }

  appendJournal(entry: JournalEntry): number {
    const result = guard(`journal entry ${entry.terminalId}/${entry.batch}/${entry.stan}/${entry.mti}`, () =>
      this.db
        .prepare(
          `INSERT INTO journal (terminal_id, merchant_id, batch, stan, mti, processing_code, amount_minor, pan_masked,
             pan_token, entry_mode, response_code, auth_code, rrn, created_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.terminalId,
          entry.merchantId,
          entry.batch,
          entry.stan,
          entry.mti,
          entry.processingCode,
          entry.amountMinor,
          entry.panMasked,
          entry.panToken,
          entry.entryMode,
          entry.responseCode,
          entry.authCode ?? null,
          entry.rrn,
          entry.createdAt,
          entry.status,
        ),
    );
    return Number(result.lastInsertRowid);
  }

  journal(filter: JournalFilter = {}): JournalRow[] {
    const clauses: string[] = [];
    const values: string[] = [];
    for (const [key, column] of Object.entries(journalColumns) as [keyof JournalFilter, string][]) {
      const value = filter[key];
      if (value === undefined) continue;
      clauses.push(`${column} = ?`);
      values.push(value);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.db.prepare<string[], JournalDbRow>(`SELECT * FROM journal ${where} ORDER BY id`).all(...values);
    return rows.map(journalFromRow);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Turns SQLite's constraint failures into the host's own error codes. */
function guard<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new HostError('HOST_DUPLICATE', `${what} already exists`, error);
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new HostError('HOST_UNKNOWN', `${what} refers to something unknown`, error);
    }
    throw error;
  }
}
