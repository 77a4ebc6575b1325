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
  {
    // The full message set: card products and issuer behaviours, holds, journal rows that know
    // their type and fate, reversals, settlements, batch uploads and reconciliations.
    version: 2,
    statements: [
      // SQLite cannot change a CHECK in place, so cards is rebuilt. The ledger may go below zero,
      // but only when a reversal takes back a credit already spent; authorisations never do it.
      `CREATE TABLE cards_v2 (
         pan_token           TEXT PRIMARY KEY,
         pan_masked          TEXT NOT NULL,
         expiry              TEXT NOT NULL,
         status              TEXT NOT NULL CHECK (status IN ('active', 'lost', 'stolen', 'restricted')),
         product             TEXT NOT NULL CHECK (product IN ('debit', 'credit', 'quickpass')),
         balance_minor       INTEGER NOT NULL,
         held_minor          INTEGER NOT NULL DEFAULT 0 CHECK (held_minor >= 0),
         pin_verifier        TEXT NOT NULL,
         pin_tries           INTEGER NOT NULL DEFAULT 0,
         behaviour           TEXT CHECK (behaviour IN ('slow', 'unavailable', 'partial')),
         delay_ms            INTEGER,
         partial_limit_minor INTEGER
       )`,
      `INSERT INTO cards_v2 (pan_token, pan_masked, expiry, status, product, balance_minor, pin_verifier, pin_tries)
         SELECT pan_token, pan_masked, expiry, status, product, balance_minor, pin_verifier, pin_tries FROM cards`,
      `DROP TABLE cards`,
      `ALTER TABLE cards_v2 RENAME TO cards`,
      `ALTER TABLE journal ADD COLUMN type TEXT NOT NULL DEFAULT 'sale'
         CHECK (type IN ('sale', 'void', 'refund', 'preauth', 'completion', 'balance'))`,
      `ALTER TABLE journal ADD COLUMN requested_minor INTEGER`,
      `ALTER TABLE journal ADD COLUMN original_id INTEGER REFERENCES journal(id)`,
      `ALTER TABLE journal ADD COLUMN reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1))`,
      `ALTER TABLE journal ADD COLUMN reversal_reason TEXT`,
      `ALTER TABLE journal ADD COLUMN reversed_at INTEGER`,
      `ALTER TABLE journal ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))`,
      `ALTER TABLE journal ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE journal ADD COLUMN hold_minor INTEGER NOT NULL DEFAULT 0 CHECK (hold_minor >= 0)`,
      // The answer as sent, without card data (fields 2, 14) or MAC: a repeat gets it again.
      `ALTER TABLE journal ADD COLUMN answer TEXT`,
      `CREATE INDEX journal_by_rrn ON journal (rrn)`,
      `CREATE INDEX journal_by_batch ON journal (terminal_id, batch)`,
      `CREATE TABLE reversals (
         id            INTEGER PRIMARY KEY AUTOINCREMENT,
         terminal_id   TEXT NOT NULL,
         batch         TEXT NOT NULL,
         stan          TEXT NOT NULL,
         original_mti  TEXT NOT NULL,
         reason        TEXT NOT NULL,
         original_id   INTEGER REFERENCES journal(id),
         outcome       TEXT NOT NULL,
         created_at    INTEGER NOT NULL,
         answer        TEXT NOT NULL,
         UNIQUE (terminal_id, batch, stan, original_mti)
       )`,
      `CREATE TABLE settlements (
         id                  INTEGER PRIMARY KEY AUTOINCREMENT,
         terminal_id         TEXT NOT NULL,
         merchant_id         TEXT NOT NULL,
         batch               TEXT NOT NULL,
         stan                TEXT NOT NULL,
         terminal_totals     TEXT NOT NULL,
         host_totals         TEXT NOT NULL,
         result              TEXT NOT NULL CHECK (result IN ('1', '2')),
         state               TEXT NOT NULL CHECK (state IN ('awaiting-upload', 'closed')),
         settled_totals      TEXT,
         next_batch          TEXT,
         created_at          INTEGER NOT NULL,
         closed_at           INTEGER,
         UNIQUE (terminal_id, batch)
       )`,
      `CREATE TABLE batch_uploads (
         terminal_id     TEXT NOT NULL,
         batch           TEXT NOT NULL,
         stan            TEXT NOT NULL,
         message_type    TEXT NOT NULL,
         processing_code TEXT NOT NULL,
         amount_minor    INTEGER NOT NULL,
         pan_token       TEXT NOT NULL,
         pan_masked      TEXT NOT NULL,
         rrn             TEXT,
         auth_code       TEXT,
         created_at      INTEGER NOT NULL,
         PRIMARY KEY (terminal_id, batch, stan)
       )`,
      `CREATE TABLE reconciliations (
         id             INTEGER PRIMARY KEY AUTOINCREMENT,
         settlement_id  INTEGER NOT NULL REFERENCES settlements(id),
         terminal_id    TEXT NOT NULL,
         batch          TEXT NOT NULL,
         declared_count INTEGER NOT NULL,
         uploaded_count INTEGER NOT NULL,
         differences    TEXT NOT NULL,
         created_at     INTEGER NOT NULL
       )`,
    ],
  },
  {
    // Risk control (backend/risk): every screened request as history for the travel and
    // velocity rules, alerts with their evidence (masked PANs only), and terminal freezes, one
    // row per freeze, lifted by the admin API. Settlement statements (backend/statements):
    // each merchant's payout terms; without a row a merchant is paid T+1 with no payout fee.
    version: 3,
    statements: [
      `CREATE TABLE risk_observations (
         id          INTEGER PRIMARY KEY,
         terminal_id TEXT NOT NULL,
         merchant_id TEXT NOT NULL,
         batch       TEXT NOT NULL,
         stan        TEXT NOT NULL,
         pan_masked  TEXT NOT NULL,
         card_token  TEXT NOT NULL,
         region      TEXT NOT NULL,
         at          INTEGER NOT NULL
       )`,
      `CREATE INDEX risk_observations_by_terminal ON risk_observations (terminal_id, at)`,
      `CREATE INDEX risk_observations_by_card ON risk_observations (card_token, at)`,
      `CREATE TABLE risk_alerts (
         id          INTEGER PRIMARY KEY AUTOINCREMENT,
         rule        TEXT NOT NULL CHECK (rule IN ('binding', 'relocation', 'impossible-travel', 'velocity')),
         action      TEXT NOT NULL CHECK (action IN ('alert', 'decline', 'freeze')),
         terminal_id TEXT NOT NULL,
         merchant_id TEXT NOT NULL,
         summary     TEXT NOT NULL,
         evidence    TEXT NOT NULL,
         created_at  INTEGER NOT NULL
       )`,
      `CREATE INDEX risk_alerts_by_terminal ON risk_alerts (terminal_id, id)`,
      `CREATE TABLE terminal_freezes (
         id          INTEGER PRIMARY KEY AUTOINCREMENT,
         terminal_id TEXT NOT NULL,
         alert_id    INTEGER NOT NULL REFERENCES risk_alerts(id),
         reason      TEXT NOT NULL,
         frozen_at   INTEGER NOT NULL,
         unfrozen_at INTEGER,
         unfrozen_by TEXT
       )`,
      `CREATE UNIQUE INDEX terminal_freezes_in_force ON terminal_freezes (terminal_id) WHERE unfrozen_at IS NULL`,
      `CREATE TABLE merchant_settlement_terms (
         merchant_id      TEXT PRIMARY KEY REFERENCES merchants(id),
         mode             TEXT NOT NULL CHECK (mode IN ('T+0', 'T+1')),
         payout_fee_minor INTEGER NOT NULL CHECK (payout_fee_minor >= 0)
       )`,
    ],
  },
  {
    // Every sale writes each journal index, so the journal keeps only indexes that earn it.
    // (terminal_id, batch) is a prefix of the unique (terminal_id, batch, stan, mti) index,
    // which serves those look-ups alone. A card's rows are found by the first 16 hex digits
    // of its 64-digit token: a quarter of the key to write and keep, and a query compares the
    // full token after the index has narrowed to the prefix (sqlite-journal.ts).
    version: 4,
    statements: [
      `DROP INDEX journal_by_batch`,
      `DROP INDEX journal_by_card`,
      `CREATE INDEX journal_by_card ON journal (substr(pan_token, 1, 16))`,
    ],
  },
];
