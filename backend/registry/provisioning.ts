import { z } from 'zod';
import { maskPan } from '../../protocol/iso8583/describe.ts';
import { HostError } from '../host-errors.ts';
import type { CardTokens } from '../issuer/card-tokens.ts';
import type { LocalMasterKey } from '../keys/local-master-key.ts';
import type { HostStore } from '../store/host-store.ts';

/** The batch a newly registered terminal starts in; sign-in tells the terminal. */
export const firstBatch = '000001';

const printable = (length: number) => z.string().regex(new RegExp(`^[\\x20-\\x7e]{${length}}$`));

const merchantInput = z.object({
  // Field 42 is ans15 and field 41 ans8: ids of exactly that size need no padding rule.
  id: printable(15),
  name: z.string().min(1),
  mcc: z.string().regex(/^\d{4}$/),
  region: z.string().min(1),
});

const terminalInput = z.object({
  terminalId: printable(8),
  merchantId: printable(15),
  masterKey: z.instanceof(Uint8Array).refine((key) => key.length === 16, 'must be 16 bytes'),
});

const cardInput = z.object({
  pan: z.string().regex(/^\d{12,19}$/),
  expiry: z.string().regex(/^\d{2}(0[1-9]|1[0-2])$/),
  pin: z.string().regex(/^\d{4,12}$/),
  balanceMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(['active', 'lost', 'stolen', 'restricted']).default('active'),
  product: z.enum(['debit', 'credit', 'quickpass']).default('debit'),
  /** How the simulated issuer misbehaves for this card (docs/test-cards.md). */
  behaviour: z.enum(['slow', 'unavailable', 'partial']).optional(),
  /** `slow`: seconds on the host's clock before the issuer answers. */
  delaySeconds: z.number().positive().max(3_600).default(30),
  /** `partial`: the most the issuer approves in one transaction; it never approves more than the card has. */
  partialLimitMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export type MerchantInput = z.input<typeof merchantInput>;
export type TerminalInput = z.input<typeof terminalInput>;
export type CardInput = z.input<typeof cardInput>;

/** What the harness (or an operator) registers before terminals come on line. */
export interface HostProvisioning {
  merchant(input: MerchantInput): void;
  /** The clear master key is wrapped under the LMK at once and never kept in clear. */
  terminal(input: TerminalInput): void;
  /** PAN and PIN are turned into tokens at once; neither is kept. */
  card(input: CardInput): void;
}

export function createProvisioning(store: HostStore, lmk: LocalMasterKey, tokens: CardTokens): HostProvisioning {
  return {
    merchant(input) {
      store.addMerchant(parse(merchantInput, input, 'merchant'));
    },
    terminal(input) {
      const terminal = parse(terminalInput, input, 'terminal');
      if (!store.merchant(terminal.merchantId)) {
        throw new HostError('HOST_UNKNOWN', `terminal ${terminal.terminalId}: merchant ${terminal.merchantId} is not registered`);
      }
      store.addTerminal({
        terminalId: terminal.terminalId,
        merchantId: terminal.merchantId,
        tmkWrapped: lmk.wrap(terminal.masterKey),
        batch: firstBatch,
      });
    },
    card(input) {
      const card = parse(cardInput, input, 'card');
      store.addCard({
        panToken: tokens.panToken(card.pan),
        panMasked: maskPan(card.pan),
        expiry: card.expiry,
        status: card.status,
        product: card.product,
        balanceMinor: card.balanceMinor,
        heldMinor: 0,
        pinVerifier: tokens.pinVerifier(card.pan, card.pin),
        pinTries: 0,
        behaviour: card.behaviour,
        delayMs: card.behaviour === 'slow' ? Math.round(card.delaySeconds * 1_000) : undefined,
        partialLimitMinor: card.behaviour === 'partial' ? card.partialLimitMinor : undefined,
      });
    },
  };
}

/** Names the offending fields only: a card's input holds a PAN and a PIN that must not reach a message. */
function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(input)'))];
  throw new HostError('HOST_INVALID', `${what}: invalid ${fields.join(', ')}`);
}
