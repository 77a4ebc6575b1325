import { openHostStore } from '../store/sqlite-host-store.ts';
import { cards, hostFixture, provisionShop } from './terminal-messages.ts';
import { TestTerminal } from './test-terminal.ts';

/**
 * Test support for host-restart.test.ts: a host process on the database file given as the
 * argument that sells until it is killed. After each answer it prints `<code> <stan> <rrn>`:
 * a line printed is an answer the terminal got, so its approval must survive the kill.
 */
const file = process.argv[2];
if (file === undefined) throw new Error('usage: host-crash-child.ts DATABASE_FILE');
const { host } = hostFixture({ store: openHostStore({ file }) });
provisionShop(host);
const terminal = TestTerminal.signedIn(host);

// Far more sales than the test waits for, each small enough for the card's balance: the
// process is still selling when it is killed.
const SALES = 20_000;
let sold = 0;
const sellSome = () => {
  for (let i = 0; i < 5 && sold < SALES; i++, sold++) {
    const sale = terminal.sale({ card: cards.debit, amountMinor: 1 + (sold % 10) });
    process.stdout.write(`${sale.code} ${String(sale.request.fields[11])} ${String(sale.answer.fields[37])}\n`);
  }
  if (sold < SALES) setImmediate(sellSome);
};
sellSome();
