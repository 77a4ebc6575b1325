/**
 * Every error poslab raises on purpose carries a stable `code` and, where it wraps another
 * failure, a `cause`. `side` tells who broke the contract: `local` (our own code or a
 * misuse of it), `peer` (the other end of a link sent something wrong) or `input` (a user's
 * file or argument). Scoring depends on telling these apart.
 */
export type ErrorSide = 'local' | 'peer' | 'input';

export class PoslabError extends Error {
  readonly code: string;
  readonly side: ErrorSide;

  constructor(code: string, message: string, options: { side?: ErrorSide; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.side = options.side ?? 'local';
  }
}

/** Raised when a byte link is written while it is down: the cable is out, the host is gone. */
export class LinkDownError extends PoslabError {
  constructor(message = 'link is down') {
    super('LINK_DOWN', message, { side: 'peer' });
  }
}

/** Raised when a wait on a device or link runs past its deadline on the injected clock. */
export class DeadlineError extends PoslabError {
  constructor(what: string, ms: number) {
    super('DEADLINE', `${what}: no answer within ${ms} ms`, { side: 'peer' });
  }
}
