import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { PoslabError } from '../../platform/errors.ts';
import type { HostQueries } from '../registry/queries.ts';
import type { RiskControl } from '../risk/risk-control.ts';
import type { StatementDesk } from '../statements/statement-desk.ts';
import { requireBearer } from './bearer-token.ts';

/** What the admin API reads and the one thing it changes (a terminal's freeze); an AcquirerHost is one. */
export interface AdminHost {
  readonly queries: Pick<HostQueries, 'journal' | 'terminal' | 'settlements'>;
  readonly risk: RiskControl;
  readonly statements: StatementDesk;
}

export interface AdminOptions {
  /** Every request must carry `Authorization: Bearer <token>`. */
  readonly token: string;
}

const id = z.string().min(1).max(32);
const journalQuery = z.strictObject({
  terminalId: id.optional(),
  merchantId: id.optional(),
  batch: z.string().regex(/^\d{6}$/).optional(),
  stan: z.string().regex(/^\d{6}$/).optional(),
  mti: z.string().regex(/^\d{4}$/).optional(),
  status: z.enum(['approved', 'declined']).optional(),
  type: z.enum(['sale', 'void', 'refund', 'preauth', 'completion', 'balance']).optional(),
  rrn: z.string().regex(/^[0-9A-Za-z]{12}$/).optional(),
});
const alertQuery = z.strictObject({
  terminalId: id.optional(),
  merchantId: id.optional(),
  rule: z.enum(['binding', 'relocation', 'impossible-travel', 'velocity']).optional(),
  afterId: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().positive().max(1_000).optional(),
});
const statementQuery = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  merchantId: id.optional(),
});
const settlementQuery = z.strictObject({ terminalId: id.optional(), merchantId: id.optional() });
const unfreezeBody = z.object({ by: z.string().min(1).max(64).default('admin') }).default({ by: 'admin' });

/**
 * The host's operator API (express 5), JSON over HTTP, all behind one bearer token:
 * read-only views of the journal (masked PANs only), risk alerts, settlements and daily
 * statements, terminals with their freeze state, and `POST /terminals/:id/unfreeze`.
 * docs/host.md lists every route.
 */
export function createAdminApp(host: AdminHost, options: AdminOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requireBearer(options.token));
  app.use(express.json({ limit: '16kb' }));

  app.get('/journal', (req, res) => {
    res.json(host.queries.journal(parse(journalQuery, req.query)));
  });

  app.get('/alerts', (req, res) => {
    res.json(host.risk.alerts(parse(alertQuery, req.query)));
  });

  app.get('/settlements', (req, res) => {
    res.json(host.queries.settlements(parse(settlementQuery, req.query)));
  });

  app.get('/statements', (req, res) => {
    const { date, merchantId } = parse(statementQuery, req.query);
    res.json(merchantId === undefined ? host.statements.statements(date) : [host.statements.statement(merchantId, date)]);
  });

  app.get('/terminals', (_req, res) => {
    res.json(
      host.risk.terminals().map(({ terminalId, freeze }) => ({ ...host.queries.terminal(terminalId), freeze: freeze ?? null })),
    );
  });

  app.get('/terminals/:terminalId', (req, res) => {
    const terminal = host.queries.terminal(req.params.terminalId);
    if (!terminal) {
      res.status(404).json({ error: 'no such terminal' });
      return;
    }
    res.json({ ...terminal, freeze: host.risk.freezeOf(terminal.terminalId) ?? null });
  });

  app.post('/terminals/:terminalId/unfreeze', (req, res) => {
    const { terminalId } = req.params;
    if (!host.queries.terminal(terminalId)) {
      res.status(404).json({ error: 'no such terminal' });
      return;
    }
    const { by } = parse(unfreezeBody, req.body);
    if (!host.risk.unfreeze(terminalId, by)) {
      res.status(409).json({ error: 'terminal is not frozen' });
      return;
    }
    res.json({ terminalId, unfrozen: true });
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'no such route' });
  });
  app.use(answerError);
  return app;
}

class BadRequest extends PoslabError {
  constructor(message: string) {
    super('ADMIN_BAD_REQUEST', message, { side: 'input' });
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadRequest(z.prettifyError(result.error));
  return result.data;
}

/** Input errors are the caller's (400); anything else is ours (500) and says no more than that. */
function answerError(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof PoslabError && error.side === 'input') {
    res.status(400).json({ error: error.message });
    return;
  }
  if (typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.parse.failed') {
    res.status(400).json({ error: 'request body is not JSON' });
    return;
  }
  res.status(500).json({ error: 'internal error', code: error instanceof PoslabError ? error.code : 'UNEXPECTED' });
}
