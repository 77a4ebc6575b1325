import type Database from 'better-sqlite3';
import { HostError } from '../host-errors.ts';

/**
 * Prepares each SQL text once per connection: preparing costs more than running a small
 * statement, and the host runs the same handful of statements for every request.
 */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/** Turns SQLite's constraint failures into the host's own error codes. */
export function guard<T>(what: string, write: () => T): T {
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
