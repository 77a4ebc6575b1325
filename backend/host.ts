import type { ByteLink } from '../platform/byte-link.ts';
import type { Clock } from '../platform/clock.ts';
import { PoslabError } from '../platform/errors.ts';
import { ignoreEvents } from '../platform/events.ts';
import type { EventSink } from '../platform/events.ts';
import type { Random } from '../platform/random.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import type { Dialect } from '../protocol/iso8583/types.ts';
import type { FeeScheduleInput } from './fees/fee-schedule.ts';
import { HostError } from './host-errors.ts';
import { CardTokens } from './issuer/card-tokens.ts';
import { LocalMasterKey } from './keys/local-master-key.ts';
import { WorkingKeyRing } from './keys/working-key-ring.ts';
import { serveLink } from './link-session.ts';
import { exchange } from './messages/exchange.ts';
import type { Reply } from './messages/exchange.ts';
import type { HostContext, RequestScreen } from './messages/handler.ts';
import { createProvisioning } from './registry/provisioning.ts';
import type { HostProvisioning } from './registry/provisioning.ts';
import { createQueries } from './registry/queries.ts';
import type { HostQueries } from './registry/queries.ts';
import { openRiskControl } from './risk/open-risk-control.ts';
import type { RiskConfigInput } from './risk/risk-config.ts';
import type { RiskControl } from './risk/risk-control.ts';
import { openStatementDesk } from './statements/open-statement-desk.ts';
import type { StatementDesk } from './statements/statement-desk.ts';
import type { HostStore } from './store/host-store.ts';
import { openHostStore } from './store/sqlite-host-store.ts';

export interface AcquirerHostOptions {
  readonly clock: Clock;
  readonly random: Random;
  /** Defaults to a fresh in-memory store, closed with the host. A store passed in stays open. */
  readonly store?: HostStore;
  readonly events?: EventSink;
  readonly dialect?: Dialect;
  /** Field 32, the acquiring institution; up to 11 digits. */
  readonly institutionId?: string;
  /** 16 bytes. Without it the LMK is drawn from `random`, so a file store reopens under the same seed. */
  readonly localMasterKey?: Uint8Array;
  /** The host's time zone for fields 12 and 13 and card expiry; defaults to UTC+8 (China Standard Time). */
  readonly utcOffsetMinutes?: number;
  /**
   * Risk control, or any check every new financial request must pass (see `RequestScreen`).
   * Given the host's store, so an extension can keep its tables in the same database
   * (`sqliteDatabaseOf`) and commit with the request.
   */
  readonly screen?: (store: HostStore) => RequestScreen;
  /** Jump-code rules' thresholds and actions over their defaults (docs/host.md); used unless `screen` replaces risk control. */
  readonly risk?: RiskConfigInput;
  /**
   * The simulated issuer's master key for application cryptograms (EMV option A). With it, the
   * ARQC in field 55 of every chip request is verified and a bad one declined 05; without it,
   * chip data is passed through unchecked.
   */
  readonly issuerMasterKey?: Uint8Array;
  /** Merchant discount rates for statements over the DOMAIN.md §5 price list. */
  readonly fees?: FeeScheduleInput;
}

export interface AcquirerHost {
  /**
   * One frame body (no length prefix) in, the answer's frame body out, or undefined for no
   * answer. The answer comes at once even for a slow issuer; `attach` holds it back.
   */
  handle(request: Uint8Array): Uint8Array | undefined;
  /** As `handle`, with how long the answer should wait (a slow issuer's delay, else 0). */
  respond(request: Uint8Array): Reply | undefined;
  /** Serves length-framed requests arriving on `link`; returns the function that stops it. */
  attach(link: ByteLink): () => void;
  /**
   * Runs `work`, which answers requests (through `respond` or attached links), under one commit
   * of the store: see `HostStore.commitGroup`. When it throws, nothing the group booked exists,
   * so none of the answers it produced may be sent; nor before `onDurable` is called, if given,
   * nor ever if that is called with an error.
   */
  commitGroup<T>(work: () => T, onDurable?: (error?: Error) => void): T;
  readonly provision: HostProvisioning;
  readonly queries: HostQueries;
  /** Jump-code risk control: alerts with their evidence, frozen terminals, unfreeze. */
  readonly risk: RiskControl;
  /** Daily settlement statements and each merchant's payout terms. */
  readonly statements: StatementDesk;
  /** Stops serving every attached link and closes the store if the host opened it. Idempotent. */
  close(): void;
}

const DEFAULT_INSTITUTION = '48020000';
const CHINA_STANDARD_TIME = 8 * 60;
const LMK_CHECK_VALUE = 'lmk_kcv';

/**
 * The acquirer host: ISO 8583 over any byte link, the issuer behind it, and the store under
 * both. It reads time and randomness only from what it is given, so under the harness it
 * replays exactly from the run's seed.
 */
export function createAcquirerHost(options: AcquirerHostOptions): AcquirerHost {
  const store = options.store ?? openHostStore();
  const ownsStore = options.store === undefined;
  const lmk = options.localMasterKey
    ? new LocalMasterKey(options.localMasterKey)
    : LocalMasterKey.generate(options.random.fork('host-lmk'));
  checkLocalMasterKey(store, lmk);

  const tokens = new CardTokens(lmk.derive('pan-token'), lmk.derive('pin-verifier'));
  const events = options.events ?? ignoreEvents;
  const utcOffsetMinutes = options.utcOffsetMinutes ?? CHINA_STANDARD_TIME;
  const risk = openRiskControl({ store, clock: options.clock, events, config: options.risk });
  const context: HostContext = {
    store,
    lmk,
    tokens,
    workingKeys: new WorkingKeyRing(lmk),
    clock: options.clock,
    keyRandom: options.random.fork('host-working-keys'),
    referenceRandom: options.random.fork('host-references'),
    dialect: options.dialect ?? cupPos,
    institutionId: options.institutionId ?? DEFAULT_INSTITUTION,
    utcOffsetMinutes,
    screen: options.screen?.(store) ?? risk.screen,
    issuerMasterKey: options.issuerMasterKey,
  };

  const sessions = new Set<() => void>();
  let closed = false;
  const respond = (request: Uint8Array) => (closed ? undefined : exchange(request, context, events));

  return {
    handle: (request) => respond(request)?.bytes,
    respond,
    attach(link) {
      const stop = serveLink(link, respond, events, options.clock);
      const detach = () => {
        if (sessions.delete(detach)) stop();
      };
      sessions.add(detach);
      return detach;
    },
    commitGroup(work, onDurable) {
      // A closed host answers nothing, and the store it owned is gone.
      if (closed) {
        const result = work();
        onDurable?.();
        return result;
      }
      try {
        return store.commitGroup(
          work,
          onDurable &&
            ((error) => {
              if (error) events('host', 'error', { code: errorCode(error), during: 'disk-sync' });
              onDurable(error);
            }),
        );
      } catch (error) {
        events('host', 'error', { code: errorCode(error), during: 'commit-group' });
        throw error;
      }
    },
    provision: createProvisioning(store, lmk, tokens),
    queries: createQueries(store, tokens),
    risk,
    statements: openStatementDesk({ store, utcOffsetMinutes, fees: options.fees }),
    close() {
      if (closed) return;
      closed = true;
      for (const detach of [...sessions]) detach();
      if (ownsStore) store.close();
    },
  };
}

/** The store remembers the check value of the LMK it was written under and refuses any other. */
function checkLocalMasterKey(store: HostStore, lmk: LocalMasterKey): void {
  const recorded = store.meta(LMK_CHECK_VALUE);
  if (recorded === undefined) {
    store.setMeta(LMK_CHECK_VALUE, lmk.checkValue);
  } else if (recorded !== lmk.checkValue) {
    throw new HostError('HOST_LMK_MISMATCH', `store was written under LMK ${recorded}, not ${lmk.checkValue}`);
  }
}

/** A SQLite failure's code (SQLITE_IOERR, SQLITE_FULL, …) says what an operator must fix. */
function errorCode(error: unknown): string {
  if (error instanceof PoslabError) return error.code;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}
