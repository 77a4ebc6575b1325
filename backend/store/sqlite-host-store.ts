import Database from 'better-sqlite3';
import { HostError } from '../host-errors.ts';
import type { HostStore, TerminalRecord } from './host-store.ts';
import { migrations } from './migrations.ts';
import { sqliteJournal } from './sqlite-journal.ts';
import { sqliteRegistry } from './sqlite-registry.ts';
import { sqliteSettlements } from './sqlite-settlements.ts';
import { WalSync } from './wal-sync.ts';

export interface HostStoreOptions {
  /** A database file; without one the store lives in memory and ends with `close()`. */
  readonly file?: string;
}

/**
 * Opens the host's SQLite store. A file-backed store runs in WAL mode with synchronous=FULL,
 * so a transaction that has returned survives a crash of the process or the machine: the host
 * answers a terminal only after that point. A commit group that asks to hear when it is durable
 * commits with synchronous=NORMAL instead and has the WAL synced on the thread pool.
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
  // One transaction function for the connection: better-sqlite3 builds four wrappers per
  // db.transaction() call, which cost more than the BEGIN and COMMIT of an in-memory store.
  const inTransaction = db.transaction((work: () => unknown) => work());
  const terminals = new Map<string, TerminalRecord>();
  const wal = options.file === undefined ? undefined : new WalSync(`${options.file}-wal`);
  // A transaction and a commit group are one construct in SQLite: the outermost BEGINs and
  // COMMITs, anything run inside it becomes a SAVEPOINT that rolls back alone. Whichever level
  // rolls back, records read or written inside may be ahead of the database.
  const atomically = <T>(work: () => T): T => {
    try {
      return inTransaction(work) as T;
    } catch (error) {
      terminals.clear();
      for (const listener of rollbackListeners.get(store) ?? []) listener();
      throw error;
    }
  };
  const store: HostStore = {
    ...sqliteRegistry(db, terminals),
    ...sqliteJournal(db),
    ...sqliteSettlements(db),
    transaction: atomically,
    commitGroup<T>(work: () => T, onDurable?: (error?: Error) => void): T {
      if (onDurable === undefined) return atomically(work);
      if (wal === undefined) {
        const result = atomically(work);
        onDurable();
        return result;
      }
      db.exec('PRAGMA synchronous = NORMAL');
      let result: T;
      try {
        result = atomically(work);
      } finally {
        db.exec('PRAGMA synchronous = FULL');
      }
      wal.sync(onDurable);
      return result;
    },
    close() {
      wal?.close();
      if (db.open) db.close();
    },
  };
  connections.set(store, db);
  return store;
}

const connections = new WeakMap<HostStore, Database.Database>();
const rollbackListeners = new WeakMap<HostStore, Array<() => void>>();

/**
 * Calls `listener` whenever a transaction of `store` rolls back, for a backend extension that
 * keeps in memory what it wrote to the store's database (risk control's latest observations).
 */
export function onRollback(store: HostStore, listener: () => void): void {
  const listeners = rollbackListeners.get(store) ?? [];
  listeners.push(listener);
  rollbackListeners.set(store, listeners);
}

/**
 * The SQLite connection under a store this module opened, for backend extensions (risk
 * control, statements) whose tables live in the same database: their writes then commit in
 * the same transaction as the request that caused them. Their schema steps go in migrations.ts.
 */
export function sqliteDatabaseOf(store: HostStore): Database.Database | undefined {
  return connections.get(store);
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
