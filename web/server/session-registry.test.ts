import { afterEach, describe, expect, it } from 'vitest';
import { ManualWall } from './manual-wall.ts';
import { ScenarioShelf } from './scenario-files.ts';
import { SessionRegistry } from './session-registry.ts';

let registry: SessionRegistry;
afterEach(() => registry.close());

describe('the session registry', () => {
  it('keeps a watched session, and switches one off after it was left alone too long', async () => {
    const wall = new ManualWall();
    registry = new SessionRegistry({ wall, shelf: new ScenarioShelf('scenarios'), idleMs: 5 * 60_000, maxSessions: 2 });
    const watched = await registry.open('watched-tab');
    const left = await registry.open('left-tab');
    expect(await registry.open('watched-tab')).toBe(watched);
    registry.release('watched-tab');
    registry.release('left-tab');

    await expect(registry.open('third-tab')).rejects.toThrow(/the sandbox is full/);
    await wall.advance(6 * 60_000, 60_000);
    await registry.reap();
    expect(registry.size).toBe(1);
    expect(await registry.find('left-tab')).toBeUndefined();
    expect(await registry.find('watched-tab')).toBe(watched);
    expect(left).not.toBe(watched);
  });
});
