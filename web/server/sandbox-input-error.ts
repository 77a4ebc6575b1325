import { PoslabError } from '../../platform/errors.ts';

/** Something the person at the browser asked for cannot be done; the message says why, in their words. */
export class SandboxInputError extends PoslabError {
  constructor(message: string) {
    super('SANDBOX_INPUT', message, { side: 'input' });
  }
}
