import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/loader.ts';
import { runScenario } from './run-scenario.ts';

async function timelineOf(steps: string) {
  const scenario = parseScenario(`id: F-1\ntitle: fault scheduling\ncards:\n  - { id: c1, pan: "6222021234567890123", pin: "123456", balance: 100.00 }\nsteps:\n${steps}`, 'f.yaml');
  const result = await runScenario(scenario, { seed: 1, replay: '' });
  return result.timeline.filter((e) => e.source === 'harness' || (e.source === 'link' && (e.kind === 'up' || e.kind === 'down')));
}

describe('FaultSchedule', () => {
  it('starts a fault after its delay and heals it after its duration', async () => {
    const events = await timelineOf('  - power_on\n  - wait: 30s\n    faults: [ { network.drop: { after: 10s, for: 5s } } ]\n');
    expect(events.filter((e) => e.kind !== 'power-on').map((e) => [e.t, e.kind])).toEqual([
      [10_000, 'down'],
      [10_000, 'fault'],
      [15_000, 'up'],
      [15_000, 'heal'],
    ]);
  });

  it('waits for a matching message, and heals what is still active when the scenario ends', async () => {
    const events = await timelineOf(
      '  - power_on\n  - sign_in: { operator: "01", password: "0000" }\n    faults: [ { network.latency: { latency: 1s, on_message: { mti: "0810" } } } ]\n',
    );
    expect(events.map((e) => e.kind)).toEqual(['power-on', 'fault-triggered', 'fault', 'heal']);
  });

  it('calls a scenario broken, and plays on, when a fault unit throws inside the link', async () => {
    const scenario = parseScenario(
      'id: F-2\ntitle: a broken fault\nsteps:\n  - power_on\n  - sign_in: { operator: "01", password: "0000" }\n    faults: [ { network.tamper: { when: { mti: "0810" }, set: { "39": "TOO LONG" } } } ]\n  - wait: 1s\n',
      'f.yaml',
    );
    const result = await runScenario(scenario, { seed: 1, replay: '' });
    expect(result.verdict).toBe('broken');
    expect(result.error).toMatch(/^a fault unit failed: field 39/);
    expect(result.timeline.some((e) => e.kind === 'fault-error')).toBe(true);
  });

  it('drops a fault still waiting when a heal step names it', async () => {
    const events = await timelineOf('  - power_on\n  - wait: 1s\n    faults: [ { network.drop: { after: 1m } } ]\n  - heal: network.drop\n  - wait: 2m\n');
    expect(events.map((e) => e.kind)).toEqual(['power-on']);
  });
});
