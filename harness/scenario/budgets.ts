import { z } from 'zod';
import { duration } from './values.ts';

const BUDGET_KEY = /^[a-z_]+(\.[a-z_]+)?\.(p50|p95|max)$/;

/**
 * A scenario's own performance budgets: `<metric>.<stat>: <duration>`, e.g. `sale.p95: 3s`.
 * Metrics are those the timeline yields (`sale`, `void`, … as the cardholder waits; `host.sale`
 * as the link sees it; `recovery` after an outage); stats are p50, p95 and max.
 */
export const budgetsSchema = z
  .record(
    z.string().regex(BUDGET_KEY, 'a budget is <metric>.<p50|p95|max>, such as sale.p95 or host.sale.max'),
    duration,
  )
  .describe('performance budgets, e.g. { sale.p95: 3s }');

export type Budgets = z.output<typeof budgetsSchema>;
