import { createHash } from 'node:crypto';
import type { NonVolatileStore } from './ports.ts';

export interface OperatorSeed {
  readonly code: string;
  readonly password: string;
}

interface OperatorRecord {
  readonly code: string;
  readonly passwordHash: string;
  failures: number;
  locked: boolean;
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly role: 'operator' | 'supervisor' | 'administrator' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'wrong-password'; readonly triesLeft: number }
  | { readonly kind: 'locked' };

const KEY = 'operators';
export const MAX_PASSWORD_FAILURES = 3;

/**
 * Operator codes as on Chinese bank POS: 00 supervisor, 99 administrator, 01–98 cashiers.
 * Passwords are kept as salted hashes in flash; three wrong passwords lock the operator
 * until the supervisor resets it.
 */
export class OperatorTable {
  constructor(
    private readonly flash: NonVolatileStore,
    private readonly salt: string,
  ) {}

  /** Loads the factory operator list on first power-on only; later changes live in flash. */
  seed(operators: readonly OperatorSeed[]): void {
    if (this.flash.read(KEY) !== undefined) return;
    this.save(operators.map((o) => ({ code: o.code, passwordHash: this.hash(o.code, o.password), failures: 0, locked: false })));
  }

  signIn(code: string, password: string): SignInOutcome {
    const records = this.load();
    const record = records.find((r) => r.code === code);
    if (!record) return { kind: 'unknown' };
    if (record.locked) return { kind: 'locked' };
    if (record.passwordHash !== this.hash(code, password)) {
      record.failures += 1;
      record.locked = record.failures >= MAX_PASSWORD_FAILURES;
      this.save(records);
      return record.locked ? { kind: 'locked' } : { kind: 'wrong-password', triesLeft: MAX_PASSWORD_FAILURES - record.failures };
    }
    record.failures = 0;
    this.save(records);
    return { kind: 'signed-in', role: code === '00' ? 'supervisor' : code === '99' ? 'administrator' : 'operator' };
  }

  private hash(code: string, password: string): string {
    return createHash('sha256').update(`${this.salt}:${code}:${password}`).digest('hex');
  }

  private load(): OperatorRecord[] {
    return JSON.parse(this.flash.read(KEY) ?? '[]') as OperatorRecord[];
  }

  private save(records: OperatorRecord[]): void {
    this.flash.write(KEY, JSON.stringify(records));
  }
}
