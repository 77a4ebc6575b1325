import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';

/** `poslab host` as a user runs it: a real process, real sockets, Ctrl-C to stop. */
const EXAMPLE = 'docs/host-provision.example.yaml';
const TMK = Uint8Array.from(Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex'));
const header = { tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01), appHeader: Uint8Array.of(0x60, 0x22, 0, 0, 0, 0) };
const folder = mkdtempSync(join(tmpdir(), 'poslab-host-cli-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly port: number;
  readonly admin: string | undefined;
  readonly exit: Promise<number | null>;
}

async function startHost(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['bin/poslab.js', 'host', '--port', '0', ...args], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = performance.now();
  while (!/Ctrl-C to stop/.test(output)) {
    if (child.exitCode !== null || performance.now() - started > 30_000) throw new Error(`the host did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  const admin = /admin API on (http:\/\/[\d.:]+)/.exec(output)?.[1];
  return { child, output: () => output, port, admin, exit };
}

/** Sends frames one at a time on one connection and returns each answer. */
async function terminalSession(port: number): Promise<{ ask(frame: Uint8Array): Promise<IsoMessage>; close(): void }> {
  const socket = await new Promise<ReturnType<typeof connect>>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
  const decoder = new LengthFrameDecoder();
  let waiting: ((message: IsoMessage) => void) | undefined;
  socket.on('data', (chunk) => {
    for (const frame of decoder.push(chunk)) waiting?.(unpackMessage(cupPos, frame).message);
  });
  return {
    ask: (frame) =>
      new Promise((resolve) => {
        waiting = resolve;
        socket.write(encodeLengthFrame(frame));
      }),
    close: () => socket.destroy(),
  };
}

function signed(message: IsoMessage, macKey: Uint8Array): Uint8Array {
  const unsigned = packMessage(cupPos, { mti: message.mti, fields: { ...message.fields, 64: new Uint8Array(8) } }, header);
  return withMac(unsigned, retailMac(macKey, macRegion(cupPos, unsigned)));
}

describe('poslab host', () => {
  it('serves sign-in and a sale over TCP from a provisioning file, with the admin API, and stops on Ctrl-C', async () => {
    const db = join(folder, 'journal.db');
    const host = await startHost(['--db', db, '--provision', EXAMPLE, '--admin-port', '0', '--admin-token', 'sesame']);
    expect(host.output()).toMatch(/provisioned from .*: \d+ added, 0 already registered/);
    const session = await terminalSession(host.port);
    try {
      const signIn = await session.ask(
        packMessage(cupPos, { mti: '0800', fields: { 11: '000001', 41: 'T0000001', 42: '898310048160001', 60: '00000001003', 63: '001' } }, header),
      );
      expect(signIn.mti).toBe('0810');
      expect(signIn.fields[39]).toBe('00');
      const field62 = signIn.fields[62] as Uint8Array;
      const pinKey = tdesDecryptEcb(TMK, field62.subarray(0, 16));
      const macKey = tdesDecryptEcb(TMK, field62.subarray(20, 36));
      expect(keyCheckValue(macKey, 4)).toEqual(field62.subarray(36, 40));

      const pan = '6222021234567890123';
      const sale = await session.ask(
        signed(
          {
            mti: '0200',
            fields: {
              2: pan, 3: '000000', 4: '000000012850', 11: '000002', 14: '2812', 22: '051', 25: '00', 26: '12',
              41: 'T0000001', 42: '898310048160001', 49: '156', 52: encryptPinBlockFormat0('123456', pan, pinKey),
              53: '2600000000000000', 59: 'region=310000;cell=4021', 60: '22000001000',
            },
          },
          macKey,
        ),
      );
      expect(sale.fields[39]).toBe('00');

      const unauthorised = await fetch(`${host.admin}/journal`);
      expect(unauthorised.status).toBe(401);
      const journal = await fetch(`${host.admin}/journal`, { headers: { authorization: 'Bearer sesame' } });
      expect(await journal.json()).toMatchObject([{ terminalId: 'T0000001', stan: '000002', amountMinor: 12_850, status: 'approved' }]);
    } finally {
      session.close();
    }
    host.child.kill('SIGINT');
    expect(await host.exit).toBe(0);
    expect(host.output()).toMatch(/poslab host stopped/);

    // The journal survives: the same file and seed come back with the approval and keep the provisioning.
    const again = await startHost(['--db', db, '--provision', EXAMPLE, '--admin-port', '0', '--admin-token', 'sesame']);
    expect(again.output()).toMatch(/0 added, \d+ already registered/);
    const journal = await fetch(`${again.admin}/journal?status=approved`, { headers: { authorization: 'Bearer sesame' } });
    expect(await journal.json()).toHaveLength(1);
    again.child.kill('SIGINT');
    expect(await again.exit).toBe(0);
  }, 90_000);

  it('stops the host when the process that started it dies, leaving its port and journal free', async () => {
    const db = join(folder, 'orphan.db');
    const host = await startHost(['--db', db]);
    host.child.kill('SIGKILL');
    await host.exit;
    // The port closes once the host, left without the process that started it, has stopped.
    const refused = async () =>
      new Promise<boolean>((resolve) => {
        const probe = connect({ host: '127.0.0.1', port: host.port });
        probe.once('connect', () => {
          probe.destroy();
          resolve(false);
        });
        probe.once('error', () => resolve(true));
      });
    const started = performance.now();
    while (!(await refused())) {
      if (performance.now() - started > 20_000) throw new Error('the host outlived the process that started it');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const again = await startHost(['--db', db]);
    again.child.kill('SIGINT');
    expect(await again.exit).toBe(0);
  }, 90_000);

  it('refuses a provisioning file with mistakes, naming them, and a journal reopened under another seed', async () => {
    const bad = join(folder, 'bad.yaml');
    writeFileSync(bad, 'terminals:\n  - { id: T1, merchant: M, masterKey: 12 }\ncards:\n  - { pan: "6222021234567890123", balance: 1.005 }\nrisk:\n  velocty: { maxPerCard: 3 }\n');
    const refused = spawn(process.execPath, ['bin/poslab.js', 'host', '--port', '0', '--provision', bad], { stdio: 'pipe' });
    let output = '';
    refused.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await new Promise((resolve) => refused.once('exit', resolve))).toBe(2);
    expect(output).toMatch(/masterKey/);
    expect(output).toMatch(/two decimals|yuan/);
    expect(output).toMatch(/velocty/);

    const db = join(folder, 'seeded.db');
    const first = await startHost(['--db', db, '--seed', '1']);
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    const wrongSeed = spawn(process.execPath, ['bin/poslab.js', 'host', '--port', '0', '--db', db, '--seed', '2'], { stdio: 'pipe' });
    let complaint = '';
    wrongSeed.stderr.on('data', (chunk: Buffer) => (complaint += chunk.toString()));
    expect(await new Promise((resolve) => wrongSeed.once('exit', resolve))).toBe(2);
    expect(complaint).toMatch(/another seed/);
  }, 90_000);
});
