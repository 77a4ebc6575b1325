import type { Clock } from '../../platform/clock.ts';
import type { EventSink } from '../../platform/events.ts';
import { ResponseCode } from '../response-codes.ts';
import type { HostStore } from '../store/host-store.ts';
import type { ScreenedRequest } from '../messages/handler.ts';
import type { RiskEngine } from './risk-engine.ts';
import type { AlertFilter, RiskAlert, RiskStore, TerminalFreeze } from './risk-store.ts';
import type { RiskDecision, RiskHistory, RiskScope, RiskTransaction, TerminalBinding } from './risk-types.ts';
import { readTerminalLocation } from './terminal-location.ts';
import type { TerminalLocation } from './terminal-location.ts';

/** A financial request as the handler read it; the PAN is already a token and a mask. */
export type ScreenRequest = ScreenedRequest;

/** Field 39 values risk control answers with (docs/host.md, "Risk control"). */
export type RiskResponseCode = typeof ResponseCode.suspectedFraud | typeof ResponseCode.restrictedTerminal;

export interface Screening {
  readonly decision: RiskDecision;
  /** Set when the request must be refused: 59 on `decline`, 62 on `freeze` or a frozen terminal. */
  readonly code: RiskResponseCode | undefined;
  readonly alertIds: readonly number[];
}

/** Risk control as the host's handlers and its operators see it. */
export interface RiskControl {
  /** Checks one financial request, records it, its alerts and any freeze; says whether to refuse it. */
  screen(request: ScreenRequest): Screening;
  alerts(filter?: AlertFilter): RiskAlert[];
  frozen(): TerminalFreeze[];
  freezeOf(terminalId: string): TerminalFreeze | undefined;
  /** Every registered terminal with its freeze, if it is frozen. */
  terminals(): Array<{ terminalId: string; merchantId: string; freeze: TerminalFreeze | undefined }>;
  /** Lifts a freeze; false when the terminal was not frozen. */
  unfreeze(terminalId: string, by: string): boolean;
}

export interface RiskControlDeps {
  readonly engine: RiskEngine;
  readonly store: RiskStore;
  readonly registry: Pick<HostStore, 'terminal' | 'merchant'>;
  readonly clock: Clock;
  readonly events: EventSink;
}

const allow: RiskDecision = { action: 'allow', hits: [] };
const unscreened: Screening = { decision: allow, code: undefined, alertIds: [] };
const refusedFrozen: Screening = { decision: allow, code: ResponseCode.restrictedTerminal, alertIds: [] };

const refusalFor: Readonly<Record<RiskDecision['action'], RiskResponseCode | undefined>> = {
  allow: undefined,
  alert: undefined,
  decline: ResponseCode.suspectedFraud,
  freeze: ResponseCode.restrictedTerminal,
};

/** A terminal as screening knows it: its binding, and the field 59 it sent last, read. */
interface KnownTerminal {
  readonly binding: TerminalBinding;
  field59: string | undefined;
  location: TerminalLocation | undefined;
}

/**
 * Theory of operation: a frozen terminal is refused (62) before anything else is looked at.
 * Otherwise the request, its binding and the terminal's and card's recent history go to the
 * pure engine; the request itself is then recorded as history whatever the verdict, every hit
 * becomes an alert with its evidence, and a `freeze` hit freezes the terminal — all in one
 * transaction, so an alert is never lost and a freeze never half-applied.
 */
export function createRiskControl(deps: RiskControlDeps): RiskControl {
  const { engine, store, registry, clock, events } = deps;
  // A terminal's merchant, and that merchant's category and region, are fixed when they are
  // provisioned (nothing changes them afterwards), so each binding is read once. A terminal
  // sends the same field 59 request after request, so it is read again only when it changes.
  const terminals = new Map<string, KnownTerminal>();
  const terminalOf = (terminalId: string) => {
    let known = terminals.get(terminalId);
    if (known === undefined) {
      const binding = readBinding(registry, terminalId);
      if (!binding) return undefined;
      known = { binding, field59: undefined, location: undefined };
      terminals.set(terminalId, known);
    }
    return known;
  };
  const locationOf = (terminal: KnownTerminal, field59: string | undefined) => {
    if (field59 !== terminal.field59) {
      terminal.location = readTerminalLocation(field59);
      terminal.field59 = field59;
    }
    return terminal.location;
  };

  return {
    screen(request) {
      const at = clock.now();
      const { terminalId, panToken } = request;
      const freeze = store.freeze(terminalId);
      if (freeze) {
        events('host', 'risk-refused', { terminal: terminalId, reason: 'frozen', alert: freeze.alertId });
        return refusedFrozen;
      }
      const terminal = terminalOf(terminalId);
      if (!terminal) return unscreened;
      const { binding } = terminal;

      const reported = locationOf(terminal, request.location);
      const transaction: RiskTransaction = {
        terminalId,
        merchantId: request.merchantId,
        batch: request.batch,
        stan: request.stan,
        panMasked: request.panMasked,
        cardToken: panToken,
        at,
        region: reported?.region ?? binding.region,
      };
      const decision = engine.check({
        transaction,
        binding,
        reported,
        requestMcc: request.merchantId === binding.merchantId ? undefined : registry.merchant(request.merchantId)?.mcc,
        history: new StoredHistory(store, terminalId, panToken),
      });
      // Nothing fired: the observation is the only write, a single statement needing no transaction of its own.
      if (decision.hits.length === 0) {
        store.record(transaction);
        return unscreened;
      }

      const alertIds = store.transaction(() => {
        store.record(transaction);
        const ids: number[] = [];
        for (const hit of decision.hits) {
          const { rule, action, summary, evidence, transactions } = hit;
          const id = store.addAlert({
            rule,
            action,
            summary,
            evidence,
            transactions,
            terminalId: binding.terminalId,
            merchantId: binding.merchantId,
            createdAt: at,
          });
          ids.push(id);
          if (action === 'freeze' && !store.freeze(binding.terminalId)) {
            store.addFreeze({ terminalId: binding.terminalId, alertId: id, reason: `${rule}: ${summary}`, at });
          }
        }
        return ids;
      });
      decision.hits.forEach((hit, i) =>
        events('host', 'risk-alert', { rule: hit.rule, action: hit.action, terminal: binding.terminalId, alert: alertIds[i] ?? 0 }),
      );
      return { decision, code: refusalFor[decision.action], alertIds };
    },
    alerts: (filter) => store.alerts(filter),
    frozen: () => store.frozen(),
    freezeOf: (terminalId) => store.freeze(terminalId),
    terminals() {
      const frozen = new Map(store.frozen().map((freeze) => [freeze.terminalId, freeze]));
      return store.terminals().map((terminal) => ({ ...terminal, freeze: frozen.get(terminal.terminalId) }));
    },
    unfreeze(terminalId, by) {
      const lifted = store.endFreeze(terminalId, clock.now(), by);
      if (lifted) events('host', 'risk-unfrozen', { terminal: terminalId, by });
      return lifted;
    },
  };
}

/** One request's view of the store's history: a class, so a request costs one object rather than a closure per method. */
class StoredHistory implements RiskHistory {
  constructor(
    private readonly store: RiskStore,
    private readonly terminalId: string,
    private readonly cardToken: string,
  ) {}

  last(scope: RiskScope, since: number): RiskTransaction | undefined {
    return this.store.last(scope, this.keyOf(scope), since);
  }

  count(scope: RiskScope, since: number, atMost: number): number {
    return this.store.count(scope, this.keyOf(scope), since, atMost);
  }

  latest(scope: RiskScope, since: number, n: number): RiskTransaction[] {
    return this.store.recent(scope, this.keyOf(scope), since, n);
  }

  private keyOf(scope: RiskScope): string {
    return scope === 'terminal' ? this.terminalId : this.cardToken;
  }
}

function readBinding(registry: RiskControlDeps['registry'], terminalId: string): TerminalBinding | undefined {
  const terminal = registry.terminal(terminalId);
  const merchant = terminal && registry.merchant(terminal.merchantId);
  if (!terminal || !merchant) return undefined;
  return { terminalId, merchantId: merchant.id, mcc: merchant.mcc, region: merchant.region };
}
