import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientMessage, TerminalKey } from '../shared/sandbox-api.ts';
import { ManualWall } from './manual-wall.ts';
import { ScenarioShelf } from './scenario-files.ts';
import { SandboxSession } from './session.ts';

let wall: ManualWall;
let session: SandboxSession;

/** Lets a little real time pass: enough for the terminal to answer whatever was just done. */
const pass = (ms = 400) => wall.advance(ms);

async function act(message: ClientMessage): Promise<string | undefined> {
  const note = await session.act(message);
  await pass();
  return note;
}

async function keys(...pressed: TerminalKey[]): Promise<void> {
  for (const key of pressed) await act({ type: 'key', key });
}

async function signIn(): Promise<void> {
  await keys('0', '1', 'ENTER', '0', '0', '0', '0', 'ENTER');
  await pass(2_000);
}

async function chipSale(amount: TerminalKey[]): Promise<void> {
  await keys('1', ...amount, 'ENTER');
  await act({ type: 'card', action: 'insert', card: 'debit-ok' });
  await pass(1_000);
  for (const digit of '123456') await act({ type: 'pinpad', action: 'digit', digit });
  await act({ type: 'pinpad', action: 'enter' });
  await pass(2_000);
}

beforeEach(async () => {
  wall = new ManualWall();
  session = new SandboxSession('test-session', { wall, shelf: new ScenarioShelf('scenarios'), stepPauseMs: 500 });
  await session.start();
  await pass(1_000);
});

afterEach(() => session.dispose());

describe('a live sandbox session', () => {
  it('lets a trainee sign in and do a chip sale by hand, time following the wall', async () => {
    expect(session.state().screen.lines[0]).toBe('OPERATOR SIGN IN');
    await signIn();
    expect(session.state().screen.lines[0]).toMatch(/^READY/);
    await chipSale(['1', '2', '3', '4']);
    expect(session.state().screen.lines.join(' ')).toContain('TEAR OFF MERCHANT');
    await keys('ENTER');
    await pass(1_000);
    expect(session.state().reader.cardInside).toBe('debit-ok');
    await act({ type: 'card', action: 'remove' });

    const state = session.state();
    expect(state.screen.lines[0]).toMatch(/^READY/);
    expect(state.reader.cardInside).toBeNull();
    expect(state.journal).toEqual([expect.objectContaining({ mti: '0200', amountMinor: 1234, status: 'approved', panMasked: '622202*********0123' })]);
    expect(state.printer.receipts.map((r) => r.complete)).toEqual([true, true]);
    expect(state.cards.find((c) => c.id === 'debit-ok')?.balanceMinor).toBe(500_000 - 1234);
    expect(JSON.stringify(state)).not.toContain('6222021234567890123');
    expect(Buffer.from(session.receiptPng(1)!).subarray(1, 4).toString()).toBe('PNG');
    expect(session.receiptPng(3)).toBeUndefined();

    await keys('8');
    await pass(1_000);
    await keys('ENTER');
    await pass(3_000);
    expect(session.state().settlements).toEqual([expect.objectContaining({ batch: '000001', balanced: true, debitCount: 1, debitMinor: 1234 })]);
  });

  it('shows the jump-code alert of the host when the terminal trades from another region', async () => {
    await signIn();
    await act({ type: 'fault', name: 'terminal.move_to', params: '{ region: "110000" }' });
    await chipSale(['5', '0', '0']);
    expect(session.state().alerts).toEqual([expect.objectContaining({ rule: 'relocation', summary: expect.stringMatching(/110000/) })]);
    expect(session.state().frozen).toBeNull();
    await expect(session.act({ type: 'unfreeze' })).rejects.toThrow(/has not frozen this terminal/);
  });

  it('moves the virtual clock with the wall, faster at a higher speed', async () => {
    const before = session.state().clock.t;
    await pass(1_000);
    expect(session.state().clock.t - before).toBe(1_000);
    await act({ type: 'speed', speed: 10 });
    const fast = session.state().clock.t;
    await pass(1_000);
    expect(session.state().clock.t - fast).toBe(10_000);
  });

  it('refuses bad input with a clear reason and keeps working', async () => {
    await signIn();
    await expect(session.act({ type: 'card', action: 'insert', card: 'no-such-card' })).rejects.toThrow(/unknown card `no-such-card`: the tray holds debit-ok/);
    await expect(session.act({ type: 'pinpad', action: 'enter' })).rejects.toThrow(/not asking for a PIN/);
    await expect(session.act({ type: 'fault', name: 'network.drop_responses', params: '{ count: many }' })).rejects.toThrow(/network\.drop_responses: .*count/);
    await expect(session.act({ type: 'fault', name: 'network.dorp', params: '{}' })).rejects.toThrow(/did you mean `network\.drop`/);
    await expect(session.act({ type: 'heal', name: 'printer.jam' })).rejects.toThrow(/not active/);
    await expect(session.act({ type: 'playback', action: 'play' })).rejects.toThrow(/load a scenario first/);
    await expect(session.act({ type: 'playback', action: 'load', file: '../package.json' })).rejects.toThrow(/no scenario/);
    await act({ type: 'card', action: 'insert', card: 'debit-ok' });
    await expect(session.act({ type: 'card', action: 'insert', card: 'low-balance' })).rejects.toThrow(/already in the slot/);
    await act({ type: 'card', action: 'remove' });
    await expect(session.act({ type: 'card', action: 'tap', card: 'stripe-only' })).rejects.toThrow(/no contactless chip/);
    await chipSale(['5', '0', '0']);
    expect(session.state().journal).toHaveLength(1);
  });

  it('applies, arms and heals faults from the registry, and heals a timed one by itself', async () => {
    await act({ type: 'fault', name: 'network.drop', params: '{}' });
    expect(session.state().network.up).toBe(false);
    expect(session.state().faults.active).toEqual(['network.drop']);
    await act({ type: 'heal', name: 'network.drop' });
    expect(session.state().network.up).toBe(true);

    expect(session.state().faults.active).toEqual([]);

    expect(await act({ type: 'fault', name: 'network.drop', params: '{}', on: '0800' })).toMatch(/armed/);
    expect(session.state().faults).toEqual({ active: [], armed: ['network.drop'] });
    await act({ type: 'heal', name: 'network.drop' });
    expect(session.state().faults).toEqual({ active: [], armed: [] });
    await expect(session.act({ type: 'fault', name: 'network.drop', params: '{}', on: 'sale' })).rejects.toThrow(/start on: an MTI such as 0200/);
    await act({ type: 'fault', name: 'network.drop', params: '{}', on: '0800' });
    await signIn();
    expect(session.state().faults).toEqual({ active: ['network.drop'], armed: [] });
    expect(session.state().network.up).toBe(false);
    await act({ type: 'heal', name: 'network.drop' });

    await act({ type: 'fault', name: 'printer.jam', params: '', for: '2s' });
    expect(session.state().printer.jammed).toBe(true);
    await pass(2_000);
    expect(session.state().printer.jammed).toBe(false);
    expect(session.state().faults.active).toEqual([]);
  });

  it('plays a scenario file step by step, and lets the trainer take over', async () => {
    const generation = session.generation;
    expect(await act({ type: 'playback', action: 'load', file: 'transactions/chip-sale-approved.yaml' })).toMatch(/Loaded/);
    expect(session.generation).toBe(generation + 1);
    expect(session.state().world.scenarioId).toBe('TXN-001');
    await act({ type: 'playback', action: 'step' });
    await act({ type: 'playback', action: 'step' });
    const playback = session.state().playback!;
    expect(playback.steps.slice(0, 2).map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(playback.steps[1]!.label).toBe('sign_in operator="01"');
    expect(session.state().screen.lines[0]).toMatch(/^READY/);

    await act({ type: 'playback', action: 'play' });
    await pass(3_000);
    const done = session.state().playback!;
    expect(done.steps.map((s) => s.status)).toEqual(done.steps.map(() => 'passed'));
    expect(done.playing).toBe(false);
    expect(session.state().journal).toHaveLength(1);

    await act({ type: 'reset' });
    expect(session.state().playback?.next).toBe(0);
    await act({ type: 'playback', action: 'play' });
    await pass(100);
    expect(await act({ type: 'key', key: 'CANCEL' })).toMatch(/taken over/);
    expect(session.state().playback!.playing).toBe(false);

    await act({ type: 'playback', action: 'stop' });
    expect(session.state().world.scenarioId).toBe('FREE-PLAY');
    expect(session.state().playback).toBeNull();
  });

  it.each(['host/host-crash-after-booking.yaml', 'network/large-approval-lost.yaml'])(
    'plays %s to the end with every step and final check passing, as poslab run does',
    async (file) => {
      await act({ type: 'playback', action: 'load', file });
      while (session.state().playback!.next < session.state().playback!.steps.length) await act({ type: 'playback', action: 'step' });
      const steps = session.state().playback!.steps;
      expect(steps.filter((s) => s.status !== 'passed')).toEqual([]);
      expect(steps.at(-1)!.label).toMatch(/final checks and the money invariants/);
    },
  );

  it('pauses playback at a failing expectation and says what was expected', async () => {
    await act({ type: 'playback', action: 'load', file: 'transactions/chip-sale-approved.yaml' });
    await act({ type: 'playback', action: 'step' });
    await act({ type: 'playback', action: 'step' });
    await act({ type: 'fault', name: 'network.drop', params: '{}' });
    await act({ type: 'playback', action: 'play' });
    await pass(5_000);
    const playback = session.state().playback!;
    const failed = playback.steps.find((s) => s.status === 'failed');
    expect(failed?.message).toMatch(/expected screen shows READY, got NETWORK DOWN/);
    expect(playback.playing).toBe(false);
  });
});
