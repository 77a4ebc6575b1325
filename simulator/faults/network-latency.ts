import { z } from 'zod';
import { latencyStage } from '../network/latency-stage.ts';
import { defineFault } from './fault.ts';
import { onEachDirection } from './link-directions.ts';
import { direction, duration } from './params.ts';

/** A long or congested path: every chunk arrives late, by `latency` ± `jitter`, never out of order. */
export const networkLatency = defineFault({
  name: 'network.latency',
  summary: 'Every byte arrives late (latency ± jitter): the terminal must wait patiently, and time out only at its limit.',
  example: '- fault: { network.latency: { latency: 800ms, jitter: 200ms, for: 2m } }',
  params: z
    .object({ latency: duration, jitter: duration.optional(), direction: direction.default('both') })
    .strict(),
  apply: ({ network, clock, random }, { latency, jitter = 0, direction: which }) =>
    onEachDirection(which, (dir) => network.addStage(dir, latencyStage(clock, random, latency, jitter))),
});
