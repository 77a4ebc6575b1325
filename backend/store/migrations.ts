/**
 * The host database schema as an ordered list of steps. `PRAGMA user_version` records how many
 * have run, so a file written by an older host is brought forward on open and never rebuilt.
 * Money is INTEGER minor units; keys are BLOBs wrapped under the host's local master key; cards
 * are found by an HMAC token of the PAN, so no clear PAN or PIN ever reaches the file.
 */
export interface Migration {
  readonly version: number;
  readonly statements: readonly string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE host_meta (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
       )`,
      `CREATE TABLE merchants (
         id     TEXT PRIMARY KEY,
         name   TEXT NOT NULL,
         mcc    TEXT NOT NULL,
         region TEXT NOT NULL
       )`,
      `CREATE TABLE terminals (
         terminal_id      TEXT PRIMARY KEY,
         merchant_id      TEXT NOT NULL REFERENCES merchants(id),
         tmk_wrapped      BLOB NOT NULL,
         batch            TEXT NOT NULL,
         last_stan        TEXT,
         signed_in        INTEGER NOT NULL DEFAULT 0 CHECK (signed_in IN (0, 1)),
         pin_key_wrapped  BLOB,
         pin_key_kcv      TEXT,
         mac_key_wrapped  BLOB,
         mac_key_kcv      TEXT
       )`,
      `CREATE TABLE cards (
         pan_token     TEXT PRIMARY KEY,
         pan_masked    TEXT NOT NULL,
         expiry        TEXT NOT NULL,
         status        TEXT NOT NULL CHECK (status IN ('active', 'lost', 'stolen', 'restricted')),
         product       TEXT NOT NULL CHECK (product IN ('debit', 'credit')),
         balance_minor INTEGER NOT NULL CHECK (balance_minor >= 0),
         pin_verifier  TEXT NOT NULL,
         pin_tries     INTEGER NOT NULL DEFAULT 0
       )`,
      `CREATE TABLE journal (
         id              INTEGER PRIMARY KEY AUTOINCREMENT,
         terminal_id     TEXT NOT NULL,
         merchant_id     TEXT NOT NULL,
         batch           TEXT NOT NULL,
         stan            TEXT NOT NULL,
         mti             TEXT NOT NULL,
         processing_code TEXT NOT NULL,
         amount_minor    INTEGER NOT NULL,
         pan_masked      TEXT NOT NULL,
         pan_token       TEXT NOT NULL,
         entry_mode      TEXT NOT NULL,
         response_code   TEXT NOT NULL,
         auth_code       TEXT,
         rrn             TEXT NOT NULL,
         created_at      INTEGER NOT NULL,
         status          TEXT NOT NULL CHECK (status IN ('approved', 'declined')),
         UNIQUE (terminal_id, batch, stan, mti)
       )`,
      `CREATE INDEX journal_by_card ON journal (pan_token)`,
    ],
  },
];
