import type { Screen } from './ports.ts';
import { formatMinor } from './money.ts';

/**
 * Every text the terminal can show, in one place: a 20-column, 4-line display as on a
 * countertop POS. Messages say what happened and what to do next, in the operator's words.
 */
export const SCREEN_WIDTH = 20;

const busy = (...lines: string[]): Screen => ({ lines, awaiting: 'nothing' });
const ask = (...lines: string[]): Screen => ({ lines, awaiting: 'person' });

export const screens = {
  selfTest: () => busy('POSLAB POS', 'SELF TEST...'),
  selfTestFailed: (device: string) => ask('SELF TEST FAILED', device.toUpperCase(), 'CALL SERVICE'),
  operatorCode: (typed: string) => ask('OPERATOR SIGN IN', `OPERATOR NO: ${typed}`),
  password: (operator: string, typedCount: number) =>
    ask('OPERATOR SIGN IN', `OPERATOR NO: ${operator}`, `PASSWORD: ${'*'.repeat(typedCount)}`),
  wrongPassword: (triesLeft: number) =>
    ask('WRONG PASSWORD', `${triesLeft} TRIES LEFT`, 'PRESS ANY KEY'),
  operatorLocked: () => ask('OPERATOR LOCKED', 'ASK SUPERVISOR', 'PRESS ANY KEY'),
  unknownOperator: () => ask('UNKNOWN OPERATOR', 'PRESS ANY KEY'),
  supervisorCannotSell: () => ask('SUPERVISOR CANNOT', 'DO SALES', 'PRESS ANY KEY'),
  hostSignIn: () => busy('HOST SIGN IN', 'CONNECTING...'),
  hostSignInFailed: (reason: string) => ask('HOST SIGN IN FAILED', reason, 'PRESS ANY KEY'),
  menu: (operator: string) => ask(`READY     OPER ${operator}`, '1 SALE', '9 SIGN OUT'),
  amount: (minor: number) => ask('SALE', 'ENTER AMOUNT:', `RMB ${formatMinor(minor)}`),
  presentCard: (minor: number, fallback: boolean) =>
    ask(`SALE  RMB ${formatMinor(minor)}`, fallback ? 'CHIP ERROR' : 'INSERT/SWIPE CARD', fallback ? 'PLEASE SWIPE CARD' : ''),
  insertChip: () => ask('CHIP CARD:', 'PLEASE INSERT CARD'),
  badSwipe: () => ask('CARD READ ERROR', 'SWIPE AGAIN'),
  readingChip: () => busy('READING CARD...', 'DO NOT REMOVE CARD'),
  enterPin: (minor: number) => ask(`RMB ${formatMinor(minor)}`, 'ENTER PIN ON', 'PIN PAD'),
  processing: () => busy('PROCESSING...', 'PLEASE WAIT'),
  approved: (authCode: string) => busy('APPROVED', `AUTH NO: ${authCode}`, 'PRINTING...'),
  tearOff: () => ask('TEAR OFF MERCHANT', 'COPY, PRESS ENTER', 'FOR CUSTOMER COPY'),
  declined: (code: string, reason: string) => ask(`DECLINED (${code})`, reason.slice(0, SCREEN_WIDTH), 'PRESS ANY KEY'),
  networkDown: () => ask('NETWORK DOWN', 'CHECK CABLE/SIGNAL', 'NO CHARGE MADE', 'PRESS ANY KEY'),
  noResponse: () => ask('NO HOST RESPONSE', 'TIMEOUT', 'SALE NOT COMPLETED', 'PRESS ANY KEY'),
  badResponseMac: () => ask('HOST RESPONSE', 'MAC ERROR', 'SALE NOT COMPLETED', 'PRESS ANY KEY'),
  cancelled: () => ask('CANCELLED', 'PRESS ANY KEY'),
  timedOut: () => ask('TIMEOUT', 'PRESS ANY KEY'),
  pinPadError: () => ask('PIN PAD ERROR', 'PRESS ANY KEY'),
  printerProblem: (problem: string) => ask('PRINTER', problem, 'FIX, PRESS ENTER', 'TO REPRINT'),
  signedOut: () => busy('SIGNED OUT'),
};
