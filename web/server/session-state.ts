import { SCENARIO_EPOCH, type World } from '../../harness/world.ts';
import { maskPan } from '../../protocol/iso8583/describe.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import type { PlaybackState, SessionState, TestCard } from '../shared/sandbox-api.ts';

/** The terminal's factory cashier, for worlds whose scenario names no operators. */
const FACTORY_CASHIER = { code: '01', password: '0000' };

export interface SessionExtras {
  readonly sessionId: string;
  readonly speed: number;
  readonly cardInside: string | null;
  readonly activeFaults: readonly string[];
  readonly armedFaults: readonly string[];
  readonly playback: PlaybackState | null;
  readonly problem: string | null;
}

function testCards(world: World): TestCard[] {
  return [...world.cards.values()].map(({ definition, image }) => {
    let balanceMinor: number | undefined;
    try {
      balanceMinor = world.host.queries.balance(definition.pan);
    } catch {
      balanceMinor = undefined;
    }
    return {
      id: definition.id,
      maskedPan: maskPan(definition.pan),
      chip: definition.chip,
      contactless: image.contactless === true,
      status: definition.status,
      balanceMinor,
    };
  });
}

function frozenState(world: World): SessionState['frozen'] {
  const freeze = world.host.risk.freezeOf(world.scenario.terminal.id);
  return freeze && freeze.unfrozenAt === undefined ? { reason: freeze.reason, t: freeze.frozenAt - SCENARIO_EPOCH } : null;
}

/** Everything the page draws, read from the world's hardware and the host's queries; PANs masked. */
export function sessionState(world: World, extras: SessionExtras): SessionState {
  const { scenario } = world;
  const operator = scenario.operators?.find((o) => o.code !== '00' && o.code !== '99') ?? FACTORY_CASHIER;
  const condition = world.printer.faults();
  const now = world.clock.now();
  return {
    sessionId: extras.sessionId,
    world: {
      scenarioId: scenario.id,
      title: scenario.title,
      merchantName: scenario.merchant.name,
      terminalId: scenario.terminal.id,
      operator: { code: operator.code, password: operator.password },
    },
    clock: { iso: new Date(now).toISOString(), t: now - SCENARIO_EPOCH, speed: extras.speed },
    screen: { lines: [...world.console.lines], awaitingPerson: world.console.awaitingPerson },
    pinpad: { screen: world.pinpad.screen(), prompting: world.pinpad.prompting },
    reader: { cardInside: extras.cardInside },
    cards: testCards(world),
    network: { up: world.network.isUp, region: world.network.region },
    printer: {
      paper: condition.paper,
      coverOpen: condition.coverOpen,
      jammed: condition.jammed,
      pendingLines: world.printer.pending().lines.length,
      receipts: world.printer.receipts().map((receipt, i) => ({ index: i + 1, complete: receipt.complete, text: receiptText(receipt) })),
    },
    faults: { active: [...extras.activeFaults], armed: [...extras.armedFaults] },
    journal: world.host.queries.journal().map((row) => ({
      id: row.id,
      stan: row.stan,
      mti: row.mti,
      amountMinor: row.amountMinor,
      panMasked: row.panMasked,
      responseCode: row.responseCode,
      authCode: row.authCode,
      status: row.status,
      t: row.createdAt - SCENARIO_EPOCH,
    })),
    settlements: world.host.queries.settlements().map((row) => ({
      batch: row.batch,
      balanced: row.result === '1',
      state: row.state,
      debitCount: (row.settledTotals ?? row.hostTotals).debitCount,
      debitMinor: (row.settledTotals ?? row.hostTotals).debitMinor,
      creditCount: (row.settledTotals ?? row.hostTotals).creditCount,
      creditMinor: (row.settledTotals ?? row.hostTotals).creditMinor,
      t: row.createdAt - SCENARIO_EPOCH,
    })),
    alerts: world.host.risk.alerts({ terminalId: scenario.terminal.id }).map((alert) => ({
      id: alert.id,
      rule: alert.rule,
      action: alert.action,
      summary: alert.summary,
      t: alert.createdAt - SCENARIO_EPOCH,
    })),
    frozen: frozenState(world),
    playback: extras.playback,
    problem: extras.problem,
  };
}
