import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJournal } from '../../core/transaction/journal.ts';
import { faultUnits } from '../../simulator/faults/registry.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import { judgeInvariants } from '../judges/invariants.ts';
import { parseScenario } from '../scenario/loader.ts';
import { World } from '../world.ts';
import { FaultSchedule } from './faults.ts';
import { performFlowStep, type FlowStep } from './flow-macros.ts';
import * as macros from './macros.ts';
import { runUntilQuiet } from './quiet.ts';

/**
 * Model-based test of the whole terminal: the real POS core on emulated hardware against the
 * real acquirer host, driven by random sequences of the day's operations — sales, voids,
 * refunds, balance inquiries, settlement — with faults (lost answers, dead network, tampered
 * answers, dead printer, empty roll) and power cuts at the worst moments, settlement's too. After every
 * operation all of poslab's invariants must hold (money neither lost nor doubled, every host
 * approval receipted, reversed or known, no clear PAN anywhere, terminal not stuck); at the end,
 * with every fault healed, settlement must close the batch.
 */
const SCENARIO = parseScenario(
  `id: MODEL
title: model-based daily flow
cards:
  - { id: debit, pan: "6222021234567890123", pin: "123456", balance: 100000.00 }
  - { id: stripe, pan: "6217001234567890", pin: "123456", balance: 100000.00, chip: false }
steps: [power_on]
`,
  'daily-flow.model.yaml',
);

interface Shop {
  readonly world: World;
  readonly faults: FaultSchedule;
}

type Fault = 'none' | 'lost-answer' | 'network-down' | 'tampered-answer' | 'printer-dead' | 'paper-out';

const FAULTS: Readonly<Record<Exclude<Fault, 'none'>, { name: string; params: Record<string, unknown> }>> = {
  'lost-answer': { name: 'network.drop_responses', params: { count: '1' } },
  'network-down': { name: 'network.drop', params: {} },
  'tampered-answer': { name: 'network.tamper', params: { when: { mti: '0210' }, set: { '39': '00' } } },
  'printer-dead': { name: 'printer.power_loss', params: {} },
  'paper-out': { name: 'printer.paper_out', params: {} },
};

async function withFault(shop: Shop, fault: Fault, act: () => Promise<void>): Promise<void> {
  if (fault !== 'none') {
    const { name, params } = FAULTS[fault];
    shop.faults.apply({ name, params: faultUnits.get(name)!.params.parse(params), line: 0 });
  }
  await act();
  shop.faults.healAll();
  await backToMenu(shop.world);
}

/** Whatever the last operation left on screen, the cashier gets back to the menu. */
async function backToMenu(world: World): Promise<void> {
  for (let tries = 0; tries < 6 && !world.console.lines[0]?.startsWith('READY'); tries++) {
    // Signing in may first finish what a power cut interrupted (a settlement says SETTLED): keep going to READY.
    if (world.console.lines[0]?.startsWith('OPERATOR SIGN IN')) await macros.signIn(world, { operator: '01', password: '0000' });
    else await macros.pressKey(world, 'CANCEL');
  }
}

const flow = (world: World, step: Omit<FlowStep, 'line' | 'faults'>) => performFlowStep(world, { ...step, line: 0, faults: [] } as FlowStep);

/** The most recent completed sale the terminal still holds (and its slip shows), as the cashier finds it. */
function lastSale(world: World): { stan: string; amountMinor: number } | undefined {
  const voided = new Set(
    readJournal(world.flash)
      .filter((r) => r.kind === 'void' && r.state === 'completed')
      .map((r) => r.original?.stan),
  );
  return readJournal(world.flash)
    .filter((r) => r.kind === 'sale' && r.state === 'completed' && !voided.has(r.stan))
    .filter((r) => world.printer.receipts().some((p) => receiptText(p).includes(`TRACE: ${r.stan}`)))
    .at(-1);
}

type Command = fc.AsyncCommand<object, Shop>;

const command = (label: string, run: (shop: Shop) => Promise<void>): Command => ({
  check: () => true,
  run: async (_, shop) => {
    await run(shop);
    const failed = judgeInvariants(shop.world, shop.world.stuck).filter((c) => c.verdict === 'failed');
    expect(failed, `after ${label}`).toEqual([]);
    expect(shop.world.crashed).toBeUndefined();
  },
  toString: () => label,
});

const amount = fc.integer({ min: 1, max: 50_000 });
const fault = fc.constantFrom<Fault>('none', 'none', 'none', 'lost-answer', 'network-down', 'tampered-answer', 'printer-dead', 'paper-out');
const entry = fc.constantFrom<'chip' | 'swipe'>('chip', 'chip', 'swipe');

const commands = [
  fc.tuple(amount, entry, fault).map(([minor, e, f]) =>
    command(`sale ${minor} by ${e} (${f})`, (shop) =>
      withFault(shop, f, () => macros.sale(shop.world, { card: e === 'swipe' ? 'stripe' : 'debit', entry: e, amount: minor, pin: '123456' })),
    ),
  ),
  fault.map((f) =>
    command(`void last sale (${f})`, async (shop) => {
      const trace = lastSale(shop.world)?.stan;
      if (trace) await withFault(shop, f, () => flow(shop.world, { name: 'void', args: { trace, card: 'debit', entry: 'chip', supervisor: undefined } }));
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 120 }), fault).map(([percent, f]) =>
    command(`refund ${percent}% of last sale (${f})`, async (shop) => {
      const original = lastSale(shop.world);
      if (!original) return;
      const minor = Math.max(1, Math.floor((original.amountMinor * percent) / 100));
      await withFault(shop, f, () =>
        flow(shop.world, { name: 'refund', args: { card: 'debit', entry: 'chip', amount: minor, original: original.stan, supervisor: undefined } }),
      );
    }),
  ),
  fault.map((f) => command(`balance (${f})`, (shop) => withFault(shop, f, () => flow(shop.world, { name: 'balance', args: { card: 'debit', entry: 'chip', pin: '123456' } })))),
  fc.tuple(amount, fc.constantFrom('when_sent', 'when_approved', 'at_rest')).map(([minor, when]) =>
    command(`power cut ${when} around a sale of ${minor}`, async (shop) => {
      const { world } = shop;
      if (when === 'at_rest') await flow(world, { name: 'power_off', args: null });
      else {
        await flow(world, { name: 'power_off', args: when === 'when_sent' ? { when_sent: '0200' } : { when_screen: 'APPROVED' } });
        await macros.sale(world, { card: 'debit', entry: 'chip', amount: minor, pin: '123456' });
      }
      await world.powerOn();
      await runUntilQuiet(world);
      await backToMenu(world);
    }),
  ),
  fault.map((f) => command(`settle (${f})`, (shop) => withFault(shop, f, () => flow(shop.world, { name: 'settle', args: null })))),
  fc.constantFrom('0500', '0320').map((mti) =>
    command(`power cut as settlement sends ${mti}`, async (shop) => {
      const { world } = shop;
      const disarm = world.watch((entry) => {
        if (entry.source !== 'link' || entry.kind !== 'message' || entry.detail?.direction !== 'to-host' || entry.detail.mti !== mti) return;
        disarm();
        void world.powerOff();
      });
      await flow(world, { name: 'settle', args: null });
      // A settlement that never got as far as `mti` (balanced, or refused) is not cut later by surprise.
      disarm();
      await world.powerOn();
      await runUntilQuiet(world);
      await backToMenu(world);
    }),
  ),
];

describe('the terminal through a day (model-based, full stack)', () => {
  it('never loses or doubles money, never sticks, never shows or keeps a clear PAN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 10 }), fc.integer({ min: 1, max: 1000 }), async (cmds, seed) => {
        const world = new World(SCENARIO, seed);
        const shop = { world, faults: new FaultSchedule(world) };
        try {
          await world.powerOn();
          await runUntilQuiet(world);
          await macros.signIn(world, { operator: '01', password: '0000' });
          await fc.asyncModelRun(() => ({ model: {}, real: shop }), cmds);
          await backToMenu(world);
          await flow(world, { name: 'settle', args: null });
          expect(world.console.text).toMatch(/SETTLED: (BALANCED|UPLOADED)/);
          // Every batch the host closed is closed at the terminal too: nothing left over to count again.
          expect(readJournal(world.flash)).toEqual([]);
          expect(judgeInvariants(world, world.stuck).filter((c) => c.verdict === 'failed')).toEqual([]);
        } finally {
          shop.faults.healAll();
          await world.dispose();
        }
      }),
      { seed: 4_2026, numRuns: 60, endOnFailure: true },
    );
  }, 300_000);
});
