/** Field 39 values the host answers with (docs/wire-dialect.md, "Response codes"). */
export const ResponseCode = {
  approved: '00',
  invalidMerchant: '03',
  /** The chip's application cryptogram (ARQC) did not verify. */
  doNotHonour: '05',
  /** Approved for less than asked: field 4 of the answer holds the approved amount. */
  partialApproval: '10',
  invalidTransaction: '12',
  invalidCard: '14',
  formatError: '30',
  lostCard: '41',
  stolenCard: '43',
  insufficientFunds: '51',
  expiredCard: '54',
  incorrectPin: '55',
  notPermitted: '57',
  /** Risk control declined the request (jump code). */
  suspectedFraud: '59',
  /** Risk control froze the terminal. */
  restrictedTerminal: '62',
  pinTriesExceeded: '75',
  issuerUnavailable: '91',
  duplicate: '94',
  systemMalfunction: '96',
  notSignedIn: '97',
  macFailed: 'A0',
} as const;

export type ResponseCode = (typeof ResponseCode)[keyof typeof ResponseCode];
