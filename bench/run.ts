import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCodec } from './codec-bench.ts';
import { runLoad } from './load/load-run.ts';
import type { LoadFigures } from './load/load-run.ts';

/**
 * `npm run bench`: the ISO 8583 codec against the `iso_8583` package, then the host on loopback
 * TCP at constant arrival rates. Bounded in count and time; only 127.0.0.1.
 * Options: --rates 1000,2500,5000  --seconds 5  --terminals 50  --file-rate 500  --quick
 * --profile DIR (a CPU profile of the host process per load row, for Chrome DevTools)
 * --host-only (the load rows alone: no codec comparison, no suite timing)
 */
const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '1000,2500,5000' },
    seconds: { type: 'string', default: '5' },
    terminals: { type: 'string', default: '50' },
    'file-rate': { type: 'string', default: '500' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'host-only': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const seconds = quick ? 2 : Number(values.seconds);
const terminals = Number(values.terminals);

const hostOnly = values['host-only'];

if (!hostOnly) {
  const codec = await benchCodec(quick ? 500 : 2_000);
  console.log(`\nISO 8583 pack + unpack of a typical 0200 (${codec.fields} fields), median µs/op`);
  printTable(
    ['codec', 'µs/op', 'bytes'],
    [
      ['poslab (cup-pos, BCD)', codec.ours.medianUs.toFixed(2), String(codec.ours.bytes)],
      ['iso_8583 npm package', codec.iso8583Package.medianUs.toFixed(2), String(codec.iso8583Package.bytes)],
    ],
  );
  console.log(`ratio: ${codec.ratio.toFixed(1)}× faster (target ≥ 10×)`);
}

const loads: LoadFigures[] = [];
const common = {
  durationMs: seconds * 1_000,
  warmupMs: quick ? 500 : 1_500,
  terminals,
  cards: 500,
  seed: 8583,
  drainMs: 10_000,
  ...(values.profile !== undefined && { profileDir: values.profile }),
};
for (const rate of values.rates.split(',').map(Number)) loads.push(await runLoad({ ...common, rate }));
const folder = mkdtempSync(join(tmpdir(), 'poslab-bench-'));
try {
  loads.push(await runLoad({ ...common, rate: Number(values['file-rate']), file: join(folder, 'host.db') }));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

console.log(`\nHost on 127.0.0.1, ${terminals} terminals, constant arrival rate, ${seconds} s measured per row`);
printTable(
  ['store', 'offered/s', 'auth/s', 'approved', 'lost', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'host µs/auth', 'of which kernel', 'load µs/auth'],
  loads.map((load) => [
    load.store,
    String(load.rate),
    load.authorisationsPerSecond.toFixed(0),
    `${load.approved}/${load.measured}`,
    String(load.unanswered),
    load.p50Ms.toFixed(2),
    load.p99Ms.toFixed(2),
    load.p999Ms.toFixed(2),
    load.maxMs.toFixed(2),
    load.hostCpuUs.toFixed(0),
    load.hostSystemUs.toFixed(0),
    load.generatorCpuUs.toFixed(0),
  ]),
);
const target = loads.find((load) => load.store === 'memory' && load.rate >= 5_000);
if (target) {
  const met = target.authorisationsPerSecond >= 4_950 && target.p99Ms <= 5 && target.unanswered === 0;
  console.log(`target ≥ 5,000 auth/s at p99 ≤ 5 ms: ${met ? 'met' : 'NOT met'}`);
}
console.log('µs/auth: CPU time (user + system; kernel = system) of the host process and of the load generator per measured authorisation');


if (!hostOnly) await import('./suite.ts').then(async (suite) => suite.printSuiteFigures(await suite.benchSuite())); // whole suite: wall vs virtual time

function printTable(headings: string[], rows: string[][]): void {
  const widths = headings.map((heading, i) => Math.max(heading.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(line(headings));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}
