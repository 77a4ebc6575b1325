import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDatabases } from './test-support/scratch-databases.ts';
import { openHostStore } from './store/sqlite-host-store.ts';
import { cards, hostFixture, provisionShop } from './test-support/terminal-messages.ts';
import { TestTerminal } from './test-support/test-terminal.ts';

const scratchFile = scratchDatabases('host-restart');

const debit = cards.debit;

describe('a host restarted on the same file', () => {
  it('keeps every approval and answers a repeat and a reversal of a transaction from before', () => {
    const file = scratchFile();
    // The first host is abandoned, not closed: no checkpoint, no clean shutdown.
    const before = hostFixture({ store: openHostStore({ file }) });
    provisionShop(before.host);
    const terminal = TestTerminal.signedIn(before.host);
    const sales = [1_000, 2_000, 3_000, 4_000].map((amountMinor) => terminal.sale({ card: debit, amountMinor }));
    const preAuth = terminal.preAuthorise({ card: debit, amountMinor: 50_000 });
    const refund = terminal.refund(sales[0]!, debit, 500);

    const after = hostFixture({ store: openHostStore({ file }) });
    const { host } = after;
    expect(host.queries.journal({ status: 'approved' })).toHaveLength(6);
    expect(host.queries.account(debit.pan)).toEqual({ ledgerMinor: 490_500, heldMinor: 50_000, availableMinor: 440_500 });

    // Same keys (they are in the store), same terminal: it carries on where it was.
    const resumed = new TestTerminal(host, terminal.keys, 100);
    const repeat = resumed.repeat(sales[2]!);
    for (const field of [37, 38, 39, 12, 13]) expect(repeat.answer.fields[field]).toEqual(sales[2]!.answer.fields[field]);
    expect(resumed.repeat(refund).answer.fields[37]).toBe(refund.answer.fields[37]);
    expect(host.queries.balance(debit.pan)).toBe(490_500);

    const reversal = resumed.reverse(sales[3]!, '98');
    expect(reversal.code).toBe('00');
    expect(resumed.reverse(preAuth, '96').code).toBe('00');
    expect(host.queries.account(debit.pan)).toEqual({ ledgerMinor: 494_500, heldMinor: 0, availableMinor: 494_500 });
    expect(resumed.reverse(sales[3]!, '98').answer.fields[37]).toBe(reversal.answer.fields[37]);
    expect(host.queries.balance(debit.pan)).toBe(494_500);
    expect(resumed.sale({ card: debit, amountMinor: 1 }).code).toBe('00');
    before.host.close();
    host.close();
  });

  it('loses no approval when the host process is killed mid-run', async () => {
    const file = scratchFile();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./test-support/host-crash-child.ts', import.meta.url)), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const answered: Array<{ code: string; stan: string; rrn: string }> = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('ascii');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const [code = '', stan = '', rrn = ''] = line.split(' ');
          answered.push({ code, stan, rrn });
        }
        if (answered.length >= 40 && child.exitCode === null) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(answered.length).toBeGreaterThanOrEqual(40);
    expect(answered.every((answer) => answer.code === '00')).toBe(true);

    const { host } = hostFixture({ store: openHostStore({ file }) });
    const journal = host.queries.journal({ status: 'approved' });
    for (const answer of answered) expect(journal.find((row) => row.stan === answer.stan)?.rrn).toBe(answer.rrn);
    // Perhaps one more was committed than its answer got out: on disk, never the other way round.
    expect(journal.length - answered.length).toBeLessThanOrEqual(1);
    const spent = journal.reduce((sum, row) => sum + row.amountMinor, 0);
    expect(host.queries.balance(debit.pan)).toBe(debit.balanceMinor - spent);

    // A new sign-in gives new keys; a repeat and a reversal of a sale from before the kill still work.
    const terminal = TestTerminal.signedIn(host);
    const last = answered.at(-1)!;
    const amountMinor = Number(journal.find((row) => row.stan === last.stan)?.amountMinor);
    const original = { request: resale(terminal, last.stan, amountMinor) };
    expect(terminal.repeat(original, false).answer.fields[37]).toBe(last.rrn);
    expect(terminal.reverse(original).code).toBe('00');
    expect(host.queries.balance(debit.pan)).toBe(debit.balanceMinor - spent + amountMinor);
    host.close();
  });
});

/** The request the killed host answered for `stan`: same card, amount and trace, as the terminal keeps it. */
function resale(terminal: TestTerminal, stan: string, amountMinor: number) {
  const request = terminal.saleRequest({ card: debit, amountMinor });
  return { ...request, fields: { ...request.fields, 11: stan } };
}
