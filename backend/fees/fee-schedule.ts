import { z } from 'zod';

/**
 * Merchant discount rates (MDR) as data, from the acquirer's price list (shared DOMAIN.md §5).
 * Rates are in basis points (1 bp = 0.01 %), amounts in fen. QuickPass (闪付, contactless) and
 * QR payments — and every payment with a QuickPass-product card — get their own rate up to
 * `quickPass.maxAmountMinor` inclusive; above it, and for insert or swipe, the card's normal
 * rate applies.
 */
export const feeScheduleSchema = z.strictObject({
  debit: z
    .object({ rateBp: z.number().int().min(0).max(10_000).default(50), capMinor: z.number().int().min(0).optional().default(2_000) })
    .prefault({}),
  credit: z
    .object({ rateBp: z.number().int().min(0).max(10_000).default(60), capMinor: z.number().int().min(0).optional() })
    .prefault({}),
  quickPass: z
    .object({
      rateBp: z.number().int().min(0).max(10_000).default(38),
      maxAmountMinor: z.number().int().min(0).default(100_000),
      /** Field 22 positions 1–2 that mean a QuickPass or QR payment: 07 contactless chip, 98 contactless magstripe, 03 QR/barcode. */
      entryModes: z.array(z.string().regex(/^\d{2}$/)).default(['07', '98', '03']),
      /** A QuickPass-product card above the limit pays this card rate; the acquirer cannot tell its funding, so the higher one. */
      aboveLimitProduct: z.enum(['debit', 'credit']).default('credit'),
    })
    .prefault({}),
});

export type FeeSchedule = z.output<typeof feeScheduleSchema>;
export type FeeScheduleInput = z.input<typeof feeScheduleSchema>;

export function feeSchedule(input: FeeScheduleInput = {}): FeeSchedule {
  return feeScheduleSchema.parse(input);
}

export const defaultFeeSchedule: FeeSchedule = feeSchedule();

/** When the merchant is paid: T+0 same day (optionally for a fixed fee per payout), T+1 the next day. */
export const settlementTermsSchema = z.strictObject({
  mode: z.enum(['T+0', 'T+1']).default('T+1'),
  payoutFeeMinor: z.number().int().min(0).default(0),
});

export type SettlementTerms = z.output<typeof settlementTermsSchema>;
export type SettlementTermsInput = z.input<typeof settlementTermsSchema>;

export const defaultSettlementTerms: SettlementTerms = settlementTermsSchema.parse({});
