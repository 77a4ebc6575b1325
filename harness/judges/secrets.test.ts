import { afterEach, describe, expect, it } from 'vitest';
import { clearPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { parseScenario } from '../scenario/loader.ts';
import { World } from '../world.ts';
import { judgeInvariants } from './invariants.ts';

const scenario = parseScenario(
  `id: SEC-T
title: secrets
cards:
  - { id: c1, pan: "6222021234567890123", pin: "123456", balance: 10.00 }
steps:
  - power_on
`,
  'secrets.yaml',
);

let world: World;
afterEach(() => world.dispose());

const secretsCheck = () => judgeInvariants(world, false).find((check) => check.name === 'invariant: no clear card data in artefacts')!;

describe('the secrets invariant', () => {
  it('holds for masked card data and fails on a clear PAN or a clear PIN block anywhere in the timeline', () => {
    world = new World(scenario, 1);
    world.events('harness', 'note', { pan: '622202*********0123' });
    expect(secretsCheck().verdict).toBe('passed');

    world.events('harness', 'leak', { field35: '6222021234567890123=30122010000000' });
    expect(secretsCheck()).toMatchObject({ verdict: 'failed', actual: 'found PAN of c1' });
  });

  it('finds a clear PIN block written as hex', () => {
    world = new World(scenario, 1);
    const block = Buffer.from(clearPinBlockFormat0('123456', '6222021234567890123')).toString('hex').toUpperCase();
    world.flash.write('debug', block);
    expect(secretsCheck()).toMatchObject({ verdict: 'failed', actual: 'found clear PIN block of c1' });
  });
});
