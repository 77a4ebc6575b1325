import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import { SERVING_NODE_OPTIONS } from '../../platform/serving-runtime.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import { BenchTerminal } from './bench-terminal.ts';
import { benchOrder, benchShop } from './bench-shop.ts';

export interface LoadOptions {
  /** Authorisation requests per second offered, evenly spaced (constant arrival rate). */
  readonly rate: number;
  readonly durationMs: number;
  /** Sent at the same rate first and not measured: JIT, SQLite page cache, socket buffers. */
  readonly warmupMs: number;
  readonly terminals: number;
  readonly cards: number;
  readonly seed: number;
  /** A database file (WAL, synchronous=FULL) instead of an in-memory store. */
  readonly file?: string;
  /** Gives up on answers still missing this long after the last request was due. */
  readonly drainMs: number;
  /** Writes a V8 CPU profile of the host process into this folder (`--cpu-prof`). */
  readonly profileDir?: string;
}

export interface LoadFigures {
  readonly rate: number;
  readonly store: 'memory' | 'file';
  readonly terminals: number;
  readonly measured: number;
  readonly approved: number;
  readonly unanswered: number;
  readonly authorisationsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  /** CPU time (user + system) the host process spent per measured authorisation. */
  readonly hostCpuUs: number;
  /** Of which in the kernel: mostly the socket reads and writes. */
  readonly hostSystemUs: number;
  /** The same for the load generator's process: when it nears 1,000,000 / rate, the generator is the bound. */
  readonly generatorCpuUs: number;
  /** The host's young-generation collections per second of the measured window, and their mean pause. */
  readonly hostScavengesPerSecond: number;
  readonly hostScavengeMeanMs: number;
}

const hostEntry = fileURLToPath(new URL('./host-process.ts', import.meta.url));

/**
 * Offers sales at a constant arrival rate to a host in its own process over loopback TCP and
 * records each one's latency in an HDR histogram. Latency runs from when the request was due,
 * not when it was sent, so a host (or generator) that falls behind shows it in the tail
 * instead of hiding it (coordinated omission). Each terminal has one request outstanding at
 * a time, like a real POS; requests due on a busy terminal wait their turn and that wait counts.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const { host, port } = await startHost(options);
  const shop = benchShop(options.seed, options.terminals, options.cards);
  const terminals: BenchTerminal[] = [];
  try {
    for (const terminal of shop.terminals) terminals.push(await BenchTerminal.open(port, terminal, shop.merchantId));
    await Promise.all(terminals.map((terminal) => terminal.signIn()));

    const total = Math.round((options.rate * (options.warmupMs + options.durationMs)) / 1000);
    const measuredFrom = Math.round((options.rate * options.warmupMs) / 1000);
    const requests = Array.from({ length: total }, (_, i) => terminals[i % terminals.length]!.sale(benchOrder(shop, i)));
    const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
    const queues = terminals.map(() => [] as number[]);
    const inFlight = new Int32Array(terminals.length).fill(-1);
    const answers = new AnswerArena(total);
    let answered = 0;
    let firstMeasuredDue = 0;
    let lastAnswerAt = 0;
    let hostCpuBefore: Promise<CpuTime> = cpuTimeOf(host);
    let generatorCpuBefore = process.cpuUsage();
    const interval = 1000 / options.rate;
    const start = performance.now();
    const due = (i: number) => start + i * interval;

    const done = new Promise<void>((resolve) => {
      const send = (slot: number, i: number) => {
        inFlight[slot] = i;
        terminals[slot]!.send(requests[i]!, onAnswer[slot]!);
      };
      // One callback per terminal, made before the run: a closure per request would be garbage.
      const onAnswer = terminals.map((_, slot) => (answer: Uint8Array) => {
        const now = performance.now();
        const i = inFlight[slot]!;
        answers.keep(i, answer);
        if (i >= measuredFrom) {
          histogram.recordValue(Math.max(1, Math.round((now - due(i)) * 1000)));
          lastAnswerAt = now;
        }
        if (++answered === total) resolve();
        const next = queues[slot]!.shift();
        if (next === undefined) inFlight[slot] = -1;
        else send(slot, next);
      });
      let nextIndex = 0;
      const tick = () => {
        const now = performance.now();
        while (nextIndex < total && due(nextIndex) <= now) {
          const slot = nextIndex % terminals.length;
          if (nextIndex === measuredFrom) {
            firstMeasuredDue = due(nextIndex);
            hostCpuBefore = cpuTimeOf(host);
            generatorCpuBefore = process.cpuUsage();
          }
          if (inFlight[slot] !== -1) queues[slot]!.push(nextIndex);
          else send(slot, nextIndex);
          nextIndex++;
        }
        if (nextIndex < total) setTimeout(tick, 1);
      };
      tick();
    });
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, options.warmupMs + options.durationMs + options.drainMs).unref());
    await Promise.race([done, deadline]);
    const generatorCpu = process.cpuUsage(generatorCpuBefore);
    const hostBefore = await hostCpuBefore;
    const hostAfter = await cpuTimeOf(host);

    const measured = total - measuredFrom;
    const answeredMeasured = Math.max(1, measured - (total - answered));
    const seconds = (lastAnswerAt - firstMeasuredDue) / 1000;
    const ms = (percentile: number) => histogram.getValueAtPercentile(percentile) / 1000;
    return {
      rate: options.rate,
      store: options.file ? 'file' : 'memory',
      terminals: options.terminals,
      measured,
      approved: answers.approvedFrom(measuredFrom),
      unanswered: total - answered,
      authorisationsPerSecond: seconds > 0 ? (measured - (total - answered)) / seconds : 0,
      p50Ms: ms(50),
      p99Ms: ms(99),
      p999Ms: ms(99.9),
      maxMs: histogram.maxValue / 1000,
      hostCpuUs: (hostAfter.cpuUs - hostBefore.cpuUs) / answeredMeasured,
      hostSystemUs: (hostAfter.systemUs - hostBefore.systemUs) / answeredMeasured,
      generatorCpuUs: (generatorCpu.user + generatorCpu.system) / answeredMeasured,
      hostScavengesPerSecond: seconds > 0 ? (hostAfter.scavenges - hostBefore.scavenges) / seconds : 0,
      hostScavengeMeanMs: (hostAfter.scavengeMs - hostBefore.scavengeMs) / Math.max(1, hostAfter.scavenges - hostBefore.scavenges),
    };
  } finally {
    for (const terminal of terminals) terminal.close();
    await stopHost(host);
  }
}

/** Room for one answer; the bench's sale answers are about 100 bytes. */
const ANSWER_SLOT = 256;

/**
 * Every answer of a run, copied into one preallocated block as it arrives and decoded only after
 * the run, so that reading answers costs the generator no garbage while it measures.
 */
class AnswerArena {
  private readonly bytes: Uint8Array;
  private readonly lengths: Uint16Array;

  constructor(count: number) {
    this.bytes = new Uint8Array(count * ANSWER_SLOT);
    this.lengths = new Uint16Array(count);
  }

  keep(index: number, answer: Uint8Array): void {
    if (answer.length > ANSWER_SLOT) throw new Error(`an answer of ${answer.length} bytes does not fit the bench's ${ANSWER_SLOT}-byte slot`);
    this.bytes.set(answer, index * ANSWER_SLOT);
    this.lengths[index] = answer.length;
  }

  /** How many answers from `from` on approved (field 39 = 00); an answer never received is not. */
  approvedFrom(from: number): number {
    let approved = 0;
    for (let i = from; i < this.lengths.length; i++) {
      const length = this.lengths[i]!;
      if (length === 0) continue;
      const answer = unpackMessage(cupPos, this.bytes.subarray(i * ANSWER_SLOT, i * ANSWER_SLOT + length)).message;
      if (answer.fields[39] === '00') approved++;
    }
    return approved;
  }
}

async function startHost(options: LoadOptions): Promise<{ host: ChildProcess; port: number }> {
  const args = [String(options.seed), String(options.terminals), String(options.cards), ...(options.file ? [options.file] : [])];
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  // Started as bin/poslab.js starts `poslab host`: the bench measures the served host.
  const host = fork(hostEntry, args, { execArgv: [...SERVING_NODE_OPTIONS, '--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    host.once('message', (message) => resolve((message as { port: number }).port));
    host.once('exit', (code) => reject(new Error(`the host process exited (${code}) before listening`)));
  });
  return { host, port };
}

interface CpuTime {
  readonly cpuUs: number;
  readonly systemUs: number;
  readonly scavenges: number;
  readonly scavengeMs: number;
}

/** The host process's CPU time so far, in µs, and its collections (host-process.ts answers 'usage'). */
function cpuTimeOf(host: ChildProcess): Promise<CpuTime> {
  return new Promise((resolve) => {
    const listen = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('cpuUs' in message) || !('systemUs' in message)) return;
      host.off('message', listen);
      const { cpuUs, systemUs, scavenges, scavengeMs } = message as Record<string, unknown>;
      resolve({ cpuUs: Number(cpuUs), systemUs: Number(systemUs), scavenges: Number(scavenges), scavengeMs: Number(scavengeMs) });
    };
    host.on('message', listen);
    host.send('usage');
  });
}

function stopHost(host: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => host.kill('SIGKILL'), 5_000);
    host.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (host.connected) host.send('stop');
    else host.kill('SIGTERM');
  });
}
