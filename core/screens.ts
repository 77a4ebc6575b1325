import type { Screen } from './ports.ts';
import { formatMinor } from './money.ts';
import type { TransactionKind } from './transaction/record.ts';

/**
 * Every text the terminal can show, in one place: a 20-column, 4-line display as on a
 * countertop POS. Messages say what happened and what to do next, in the operator's words.
 * Passwords only ever appear as stars.
 */
export const SCREEN_WIDTH = 20;

const busy = (...lines: string[]): Screen => ({ lines, awaiting: 'nothing' });
const ask = (...lines: string[]): Screen => ({ lines, awaiting: 'person' });
const rmb = (minor: number) => `RMB ${formatMinor(minor)}`;
const fit = (text: string) => text.toUpperCase().slice(0, SCREEN_WIDTH);

/** Text over `count` screen lines, broken between words; only a word wider than the screen is cut. */
export function wrap(text: string, count: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.toUpperCase().split(/\s+/).filter(Boolean)) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (joined.length <= SCREEN_WIDTH) line = joined;
    else {
      if (line !== '') lines.push(line);
      line = word.slice(0, SCREEN_WIDTH);
    }
  }
  lines.push(line);
  return [...lines, ...Array<string>(count).fill('')].slice(0, count);
}

/** The modem's signal as a four-bar meter, `##--` for two bars of four (no regex metacharacters, for test authors). */
const meter = (bars: number) => '#'.repeat(bars) + '-'.repeat(Math.max(0, 4 - bars));

/**
 * What a transaction that did not go through leaves behind, in words that are true for its
 * kind: a void that did not happen leaves the sale charged, a refund returned nothing.
 */
const NOT_DONE: Readonly<Record<TransactionKind | 'balance', string>> = {
  sale: 'NO CHARGE MADE',
  completion: 'NO CHARGE MADE',
  preauth: 'NO FUNDS HELD',
  void: 'SALE STILL CHARGED',
  refund: 'NO REFUND MADE',
  balance: 'NO CHARGE MADE',
};

export type TransactionTitle = 'SALE' | 'VOID' | 'REFUND' | 'BALANCE' | 'PRE-AUTH' | 'AUTH COMPLETE';

export const screens = {
  selfTest: () => busy('POSLAB POS', 'SELF TEST...'),
  selfTestFailed: (device: string) => ask('SELF TEST FAILED', fit(device), 'CALL SERVICE'),
  /** The terminal's idle screen between operators: the signal meter, and what a power cut left to finish. */
  operatorCode: (typed: string, bars: number, unfinished: { reversals: number; settlement: boolean }) =>
    ask(
      'OPERATOR SIGN IN',
      `OPERATOR NO: ${typed}`,
      bars === 0 ? 'NO SIGNAL' : `SIGNAL ${meter(bars)}`,
      unfinished.settlement ? 'SETTLEMENT PENDING' : unfinished.reversals > 0 ? `${unfinished.reversals} REVERSAL PENDING` : '',
    ),
  password: (operator: string, typedCount: number) =>
    ask('OPERATOR SIGN IN', `OPERATOR NO: ${operator}`, `PASSWORD: ${'*'.repeat(typedCount)}`),
  wrongPassword: (triesLeft: number) => ask('WRONG PASSWORD', `${triesLeft} TRIES LEFT`, 'PRESS ANY KEY'),
  operatorLocked: () => ask('OPERATOR LOCKED', 'ASK SUPERVISOR', 'PRESS ANY KEY'),
  unknownOperator: () => ask('UNKNOWN OPERATOR', 'PRESS ANY KEY'),
  hostSignIn: () => busy('HOST SIGN IN', 'CONNECTING...'),
  hostSignInFailed: (reason: string) => ask('HOST SIGN IN FAILED', fit(reason), 'PRESS ANY KEY'),
  hostSignOut: () => busy('HOST SIGN OUT', 'CONNECTING...'),
  hostSignedOut: () => ask('HOST SIGNED OUT', 'PRESS ANY KEY'),
  hostSignOutFailed: (reason: string) => ask('HOST SIGN OUT FAILED', fit(reason), 'PRESS ANY KEY'),
  /** The cashier's idle screen; its last two columns are the signal icon, antenna and bar count (`Y3`). */
  menu: (operator: string, bars: number) =>
    ask(`READY     OPER ${operator} Y${bars}`, '1SALE 2VOID 3REFUND', '4BAL 5AUTH 6COMPLETE', '7PRINT 8SETTLE 9OUT'),
  noSignal: () => ask('NO SIGNAL', 'CARRIER TOO WEAK', 'MOVE TERMINAL, RETRY', 'PRESS ANY KEY'),

  supervisorPassword: (title: string, typedCount: number) =>
    ask(fit(title), 'SUPERVISOR PASSWORD', '*'.repeat(typedCount)),
  supervisorRefused: () => ask('NOT AUTHORISED', 'PRESS ANY KEY'),
  reversalsPending: (linkDown: boolean) =>
    ask('REVERSAL PENDING', linkDown ? 'NETWORK DOWN' : 'HOST NOT ANSWERING', 'TRY AGAIN LATER', 'PRESS ANY KEY'),
  sendingReversals: (count: number) => busy('SENDING REVERSAL', `${count} PENDING`, 'PLEASE WAIT'),

  amount: (title: TransactionTitle, minor: number) => ask(title, 'ENTER AMOUNT:', rmb(minor)),
  presentCard: (title: TransactionTitle, minor: number | undefined, fallback: boolean, tap: boolean) =>
    ask(
      fit(minor === undefined ? title : `${title}  ${rmb(minor)}`),
      fallback ? 'CHIP ERROR' : tap ? 'INSERT/SWIPE/TAP' : 'INSERT/SWIPE CARD',
      fallback ? 'PLEASE SWIPE CARD' : '',
    ),
  insertChip: () => ask('CHIP CARD:', 'PLEASE INSERT CARD'),
  badSwipe: () => ask('CARD READ ERROR', 'SWIPE AGAIN'),
  readingChip: () => busy('READING CARD...', 'DO NOT REMOVE CARD'),
  wrongCard: () => ask('NOT THE SAME CARD', 'AS THE ORIGINAL', 'PRESS ANY KEY'),
  cardExpired: (kind: TransactionKind | 'balance') => ask('CARD EXPIRED', 'NOT ACCEPTED', NOT_DONE[kind], 'PRESS ANY KEY'),
  enterPin: (minor: number | undefined, builtIn: boolean) =>
    ask(minor === undefined ? 'BALANCE INQUIRY' : rmb(minor), builtIn ? 'ENTER PIN' : 'ENTER PIN ON', builtIn ? 'THEN PRESS ENTER' : 'PIN PAD'),
  processing: () => busy('PROCESSING...', 'PLEASE WAIT'),
  approved: (authCode: string) => busy('APPROVED', `AUTH NO: ${authCode}`, 'PRINTING...'),
  tearOff: (paperLow: boolean) => ask('TEAR OFF MERCHANT', 'COPY, PRESS ENTER', 'FOR CUSTOMER COPY', paperLow ? 'PAPER LOW: NEW ROLL' : ''),
  declined: (code: string, reason: string) => ask(`DECLINED (${code})`, ...wrap(reason, 2), 'PRESS ANY KEY'),
  networkDown: (kind: TransactionKind | 'balance') => ask('NETWORK DOWN', 'CHECK CABLE/SIGNAL', NOT_DONE[kind], 'PRESS ANY KEY'),
  macUnavailable: (kind: TransactionKind | 'balance') => ask('PIN PAD ERROR', 'CANNOT SIGN MESSAGE', NOT_DONE[kind], 'PRESS ANY KEY'),
  reversed: (cause: string, kind: TransactionKind) => ask(fit(cause), 'TRANSACTION REVERSED', NOT_DONE[kind], 'PRESS ANY KEY'),
  reversalOwed: (cause: string) => ask(fit(cause), 'REVERSAL PENDING', 'WILL RETRY', 'PRESS ANY KEY'),
  noAnswer: () => ask('NO HOST RESPONSE', 'TIMEOUT', 'NOTHING CHANGED', 'PRESS ANY KEY'),
  badAnswer: (reason: string) => ask('HOST RESPONSE', fit(reason), 'NOTHING CHANGED', 'PRESS ANY KEY'),
  balance: (minor: number, sign: string) => ask('BALANCE', `${sign === 'D' ? '-' : ''}${rmb(minor)}`, '', 'PRESS ANY KEY'),
  cancelled: () => ask('CANCELLED', 'PRESS ANY KEY'),
  cardRemovedEarly: (kind: TransactionKind) => ask('CARD REMOVED', 'CANCELLED', NOT_DONE[kind], 'PRESS ANY KEY'),
  timedOut: () => ask('TIMEOUT', 'PRESS ANY KEY'),
  pinPadError: () => ask('PIN PAD ERROR', 'PRESS ANY KEY'),

  originalTrace: (title: TransactionTitle, typed: string) => ask(title, 'ORIGINAL TRACE NO:', typed),
  originalReference: (typed: string) => ask('REFUND', 'ORIGINAL REF NO:', typed),
  originalDate: (title: TransactionTitle, typed: string) => ask(title, 'ORIGINAL DATE MMDD:', typed),
  authCode: (typed: string) => ask('AUTH COMPLETE', 'PRE-AUTH AUTH NO:', typed),
  confirmOriginal: (title: TransactionTitle, stan: string, minor: number, panMasked: string) =>
    ask(`${title} TRACE ${stan}`, rmb(minor), fit(panMasked), 'ENTER=OK CANCEL=NO'),
  noSuchTransaction: () => ask('NO SUCH TRANSACTION', 'IN THIS BATCH', 'PRESS ANY KEY'),
  notVoidable: () => ask('CANNOT VOID', 'ALREADY VOIDED OR', 'NOT A SALE', 'PRESS ANY KEY'),
  amountTooHigh: (limitMinor: number) => ask('AMOUNT TOO HIGH', `MAX ${rmb(limitMinor)}`, 'PRESS ANY KEY'),

  printerProblem: (problem: string) => ask('PRINTER', fit(problem), 'FIX, PRESS ENTER', 'TO REPRINT'),
  printing: () => busy('PRINTING...'),
  printerDead: () => busy('PRINTER FAULT', 'NOT RESPONDING'),
  printerFault: () => ask('PRINTER FAULT', 'NOT RESPONDING', 'CALL SERVICE', 'PRESS ANY KEY'),
  receiptNotPrinted: () => ask('TXN COMPLETED', 'RECEIPT NOT PRINTED', 'REPRINT: MENU 7', 'PRESS ANY KEY'),
  reprintMenu: () => ask('REPRINT', '1 LAST RECEIPT', '2 BY TRACE NO'),
  nothingToReprint: () => ask('NOTHING TO REPRINT', 'PRESS ANY KEY'),
  reprintTrace: (typed: string) => ask('REPRINT', 'TRACE NO:', typed),

  settlementTotals: (debits: number, debitMinor: number, credits: number, creditMinor: number) =>
    ask(fit(`SALE ${debits} ${rmb(debitMinor)}`), fit(`REFUND ${credits} ${rmb(creditMinor)}`), 'ENTER=SETTLE', 'CANCEL=BACK'),
  settling: () => busy('SETTLEMENT', 'CONNECTING...'),
  uploading: (done: number, total: number) => busy('BATCH UPLOAD', `${done}/${total}`),
  settled: (balanced: boolean, batch: string) =>
    ask(balanced ? 'SETTLED: BALANCED' : 'SETTLED: UPLOADED', `NEW BATCH ${batch}`, 'PRESS ANY KEY'),
  settlementFailed: (reason: string) => ask('SETTLEMENT FAILED', fit(reason), 'BATCH STILL OPEN', 'PRESS ANY KEY'),
  settlementPending: (reason: string) => ask('SETTLEMENT PENDING', fit(reason), 'RESUMES BEFORE NEXT', 'PRESS ANY KEY'),
  resumingSettlement: (batch: string) => busy('RESUME SETTLEMENT', `BATCH ${batch}`, 'DO NOT SWITCH OFF'),
  signedOut: () => busy('SIGNED OUT'),
};
