import { createHash } from 'node:crypto';
import type { Clock } from '../platform/clock.ts';
import type { NonVolatileStore } from './ports.ts';

export interface OperatorSeed {
  readonly code: string;
  readonly password: string;
}

interface OperatorRecord {
  readonly code: string;
  passwordHash: string;
  /** When the password was set, on the terminal's clock: it ages from here. */
  passwordSetAt: number;
  failures: number;
  locked: boolean;
}

export type OperatorRole = 'operator' | 'supervisor' | 'administrator';

export type SignInOutcome =
  /** `passwordExpired`: older than the administrator's limit; it must be changed before anything else. */
  | { readonly kind: 'signed-in'; readonly role: OperatorRole; readonly passwordExpired: boolean }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'wrong-password'; readonly triesLeft: number }
  | { readonly kind: 'locked' };

export type OperatorChange = 'done' | 'unknown' | 'exists' | 'not-allowed' | 'bad-password' | 'same-password';

const KEY = 'operators';
export const MAX_PASSWORD_FAILURES = 3;
export const SUPERVISOR = '00';
export const ADMINISTRATOR = '99';
export const PASSWORD_LENGTH = { min: 4, max: 8 } as const;
const DAY_MS = 86_400_000;

/** Cashiers 01–20 with 0000, supervisor 123456, administrator 99999999: change them on day one. */
export const FACTORY_OPERATORS: readonly OperatorSeed[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ code: String(i + 1).padStart(2, '0'), password: '0000' })),
  { code: SUPERVISOR, password: '123456' },
  { code: ADMINISTRATOR, password: '99999999' },
];

export function roleOf(code: string): OperatorRole {
  return code === SUPERVISOR ? 'supervisor' : code === ADMINISTRATOR ? 'administrator' : 'operator';
}

const isCashierCode = (code: string) => /^\d{2}$/.test(code) && roleOf(code) === 'operator';
const isPassword = (password: string) =>
  /^\d+$/.test(password) && password.length >= PASSWORD_LENGTH.min && password.length <= PASSWORD_LENGTH.max;

/**
 * Operator codes as on Chinese bank POS: 00 supervisor, 99 administrator, 01–98 cashiers.
 * Passwords are kept as salted hashes in flash; three wrong passwords lock the operator
 * until the supervisor resets it (the administrator resets the supervisor). Each password
 * carries the date it was set; past the administrator's limit, sign-in reports it expired and
 * a new one — different from the old — must be set. Nothing here ever returns a password.
 */
export class OperatorTable {
  constructor(
    private readonly flash: NonVolatileStore,
    private readonly salt: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** Loads the factory operator list on first power-on only; later changes live in flash. */
  seed(operators: readonly OperatorSeed[]): void {
    if (this.flash.read(KEY) !== undefined) return;
    const withAdmin = operators.some((o) => o.code === ADMINISTRATOR)
      ? operators
      : [...operators, FACTORY_OPERATORS.find((o) => o.code === ADMINISTRATOR)!];
    this.save(withAdmin.map((o) => this.fresh(o.code, o.password)));
  }

  /** `maxAgeDays`: how old a password may get before sign-in asks for a new one; none, never. */
  signIn(code: string, password: string, maxAgeDays?: number): SignInOutcome {
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
    const passwordExpired = maxAgeDays !== undefined && this.clock.now() - record.passwordSetAt > maxAgeDays * DAY_MS;
    return { kind: 'signed-in', role: roleOf(code), passwordExpired };
  }

  /** Cashier codes in use, with their lock state. */
  list(): Array<{ code: string; locked: boolean }> {
    return this.load()
      .filter((r) => isCashierCode(r.code))
      .map((r) => ({ code: r.code, locked: r.locked }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  add(code: string, password: string): OperatorChange {
    if (!isCashierCode(code)) return 'not-allowed';
    if (!isPassword(password)) return 'bad-password';
    const records = this.load();
    if (records.some((r) => r.code === code)) return 'exists';
    this.save([...records, this.fresh(code, password)]);
    return 'done';
  }

  /** Only cashiers can be removed: the supervisor and administrator always exist. */
  remove(code: string): OperatorChange {
    if (!isCashierCode(code)) return 'not-allowed';
    const records = this.load();
    if (!records.some((r) => r.code === code)) return 'unknown';
    this.save(records.filter((r) => r.code !== code));
    return 'done';
  }

  /** A new password — never the one it replaces — starts ageing now and clears the failure count and the lock. */
  setPassword(code: string, password: string): OperatorChange {
    if (!isPassword(password)) return 'bad-password';
    const hash = this.hash(code, password);
    if (this.load().find((r) => r.code === code)?.passwordHash === hash) return 'same-password';
    return this.update(code, (r) => {
      r.passwordHash = hash;
      r.passwordSetAt = this.clock.now();
      r.failures = 0;
      r.locked = false;
    });
  }

  unlock(code: string): OperatorChange {
    return this.update(code, (r) => {
      r.failures = 0;
      r.locked = false;
    });
  }

  private update(code: string, change: (record: OperatorRecord) => void): OperatorChange {
    const records = this.load();
    const record = records.find((r) => r.code === code);
    if (!record) return 'unknown';
    change(record);
    this.save(records);
    return 'done';
  }

  private fresh(code: string, password: string): OperatorRecord {
    return { code, passwordHash: this.hash(code, password), passwordSetAt: this.clock.now(), failures: 0, locked: false };
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
