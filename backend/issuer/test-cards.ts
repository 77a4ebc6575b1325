import { HostError } from '../host-errors.ts';
import type { CardInput } from '../registry/provisioning.ts';

/**
 * The issuer's published test cards (docs/test-cards.md), as data: each provisions like any
 * card and answers the way its row says. PANs are Luhn-valid on UnionPay BINs; every PIN is
 * 123456; amounts are fen. Behaviour that depends on the amount or the PIN is in `trigger`.
 */
export interface TestCard {
  readonly id: string;
  readonly title: string;
  /** What the terminal does to get `outcome`. */
  readonly trigger: string;
  /** Field 39 the host answers. */
  readonly outcome: string;
  readonly card: CardInput;
}

const PIN = '123456';
const EXPIRY = '4912';

export const testCards: readonly TestCard[] = [
  {
    id: 'debit-approve',
    title: 'Debit card, approves',
    trigger: 'any amount up to the balance, PIN 123456',
    outcome: '00',
    card: { pan: '6222020000000000018', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, product: 'debit' },
  },
  {
    id: 'credit-approve',
    title: 'Credit card, approves with or without PIN',
    trigger: 'any amount up to the limit; no PIN needed (signature)',
    outcome: '00',
    card: { pan: '6250940000000027', expiry: EXPIRY, pin: PIN, balanceMinor: 5_000_000, product: 'credit' },
  },
  {
    id: 'quickpass-approve',
    title: 'QuickPass (闪付/QR) card, approves',
    trigger: 'tap; no PIN up to 1000.00, PIN 123456 above',
    outcome: '00',
    card: { pan: '6217000000000000038', expiry: EXPIRY, pin: PIN, balanceMinor: 500_000, product: 'quickpass' },
  },
  {
    id: 'insufficient-funds',
    title: 'Debit card with 10.00 on it',
    trigger: 'any amount over 10.00',
    outcome: '51',
    card: { pan: '6222020000000000042', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000, product: 'debit' },
  },
  {
    id: 'wrong-pin',
    title: 'Debit card for PIN errors',
    trigger: 'any PIN but 123456: 55; the third wrong PIN in a row and everything after it: 75',
    outcome: '55, then 75',
    card: { pan: '6222020000000000059', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, product: 'debit' },
  },
  {
    id: 'expired',
    title: 'Card expired December 2020',
    trigger: 'any transaction',
    outcome: '54',
    card: { pan: '6222020000000000067', expiry: '2012', pin: PIN, balanceMinor: 1_000_000, product: 'debit' },
  },
  {
    id: 'lost',
    title: 'Card reported lost',
    trigger: 'any transaction',
    outcome: '41',
    card: { pan: '6222020000000000075', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, status: 'lost' },
  },
  {
    id: 'stolen',
    title: 'Card reported stolen',
    trigger: 'any transaction',
    outcome: '43',
    card: { pan: '6222020000000000083', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, status: 'stolen' },
  },
  {
    id: 'restricted',
    title: 'Card not permitted this transaction',
    trigger: 'any transaction',
    outcome: '57',
    card: { pan: '6222020000000000091', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, status: 'restricted' },
  },
  {
    id: 'issuer-unavailable',
    title: 'Issuer cannot be reached',
    trigger: 'any transaction but a reversal',
    outcome: '91',
    card: { pan: '6222020000000000109', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, behaviour: 'unavailable' },
  },
  {
    id: 'slow-issuer',
    title: 'Issuer answers after 5 seconds',
    trigger: 'any transaction; the answer leaves 5 s (host clock) after the request',
    outcome: '00',
    card: { pan: '6222020000000000117', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, behaviour: 'slow', delaySeconds: 5 },
  },
  {
    id: 'timeout-issuer',
    title: 'Issuer answers after 90 seconds, past any terminal timeout',
    trigger: 'any transaction; approved and booked at once, answered 90 s later: the terminal must reverse',
    outcome: '00 (too late)',
    card: { pan: '6222020000000000125', expiry: EXPIRY, pin: PIN, balanceMinor: 1_000_000, behaviour: 'slow', delaySeconds: 90 },
  },
  {
    id: 'partial-approval',
    title: 'Prepaid card that approves at most 50.00',
    trigger: 'any amount over 50.00: approved for 50.00, field 4 of the answer says so',
    outcome: '10',
    card: {
      pan: '6222020000000000133',
      expiry: EXPIRY,
      pin: PIN,
      balanceMinor: 100_000,
      behaviour: 'partial',
      partialLimitMinor: 5_000,
    },
  },
];

/** The card input of a test card, to pass to `host.provision.card`. */
export function testCard(id: string): CardInput {
  const found = testCards.find((entry) => entry.id === id);
  if (!found) throw new HostError('HOST_UNKNOWN', `no test card ${id}; known: ${testCards.map((entry) => entry.id).join(', ')}`);
  return found.card;
}
