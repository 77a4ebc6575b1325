import type Database from 'better-sqlite3';
import { settlementTermsSchema } from '../fees/fee-schedule.ts';
import type { SettlementTerms } from '../fees/fee-schedule.ts';

/** Each merchant's payout terms (table merchant_settlement_terms, migration 3); none stored means the defaults. */
export interface SettlementTermsStore {
  terms(merchantId: string): SettlementTerms | undefined;
  setTerms(merchantId: string, terms: SettlementTerms): void;
}

interface TermsRow {
  mode: string;
  payout_fee_minor: number;
}

export class SqliteSettlementTermsStore implements SettlementTermsStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], TermsRow>('SELECT mode, payout_fee_minor FROM merchant_settlement_terms WHERE merchant_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO merchant_settlement_terms (merchant_id, mode, payout_fee_minor) VALUES (?, ?, ?)
       ON CONFLICT (merchant_id) DO UPDATE SET mode = excluded.mode, payout_fee_minor = excluded.payout_fee_minor`,
    );
  }

  terms(merchantId: string): SettlementTerms | undefined {
    const row = this.select.get(merchantId);
    return row && settlementTermsSchema.parse({ mode: row.mode, payoutFeeMinor: row.payout_fee_minor });
  }

  setTerms(merchantId: string, terms: SettlementTerms): void {
    this.upsert.run(merchantId, terms.mode, terms.payoutFeeMinor);
  }
}
