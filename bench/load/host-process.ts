import { openHostStore } from '../../backend/store/sqlite-host-store.ts';
import { serveTcp } from '../../backend/tcp-server.ts';
import { benchShop, openBenchHost } from './bench-shop.ts';
import { CollectionTally } from './collection-tally.ts';

/**
 * The host under load, in its own process so that it has a core to itself and the load
 * generator's work does not count as the host's. Arguments: seed, terminals, cards and an
 * optional database file. It tells its parent the port, then serves until told to stop.
 */
const [seedText = '1', terminalsText = '50', cardsText = '200', file] = process.argv.slice(2);
const seed = Number(seedText);
const store = openHostStore(file ? { file } : {});
const host = openBenchHost(benchShop(seed, Number(terminalsText), Number(cardsText)), seed, store);
const server = await serveTcp(host, { port: 0, hostname: '127.0.0.1' });
// The host's young-generation collections set its latency tail: each pauses the event loop and
// leaves a backlog behind it, so the parent reads how many there were and how long they took.
const collections = new CollectionTally();
process.send?.({ port: server.port });
process.on('message', async (message) => {
  // The parent reads the host's CPU time around the measured window: CPU per authorisation
  // says what the host costs whatever else the shared machine is doing.
  if (message === 'usage') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system, systemUs: system, scavenges: collections.scavenges, scavengeMs: collections.scavengeMs });
    return;
  }
  if (message !== 'stop') return;
  await server.close();
  host.close();
  store.close();
  process.disconnect?.();
});
