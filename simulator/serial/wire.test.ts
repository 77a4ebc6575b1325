import { describe, it, expect, beforeEach } from 'vitest';
import { settle } from '../../platform/settle.ts';
import type { SerialDevice } from './device.ts';
import { attachDevice, detachDevice, openDevicePort, resetWire, setLineDead, wireActivity, WireBinding } from './wire.ts';

/** Answers every chunk with the same bytes plus one, and can speak up on its own. */
class EchoDevice implements SerialDevice {
  readonly received: number[] = [];
  private send: (bytes: Uint8Array) => void = () => {};

  connect(send: (bytes: Uint8Array) => void): void {
    this.send = send;
  }

  receive(bytes: Uint8Array): void {
    this.received.push(...bytes);
    this.send(bytes.map((byte) => byte + 1));
  }

  say(bytes: number[]): void {
    this.send(Uint8Array.from(bytes));
  }
}

async function opened(path: string, device: EchoDevice, maxReadSize?: number) {
  attachDevice(path, device, maxReadSize === undefined ? {} : { maxReadSize });
  const port = await openDevicePort(path);
  const input: number[] = [];
  const chunks: number[] = [];
  port.on('data', (chunk: Buffer) => {
    input.push(...chunk);
    chunks.push(chunk.length);
  });
  return { port, input, chunks };
}

describe('two-ended serial wire', () => {
  beforeEach(() => resetWire());

  it('carries driver writes to the device and device answers back to the driver', async () => {
    const device = new EchoDevice();
    const { port, input } = await opened('/dev/test-echo', device);
    port.write(Buffer.from([1, 2, 3]));
    await settle(wireActivity);
    expect(device.received).toEqual([1, 2, 3]);
    expect(input).toEqual([2, 3, 4]);
    device.say([0x45]);
    await settle(wireActivity);
    expect(input).toEqual([2, 3, 4, 0x45]);
  });

  it('keeps lines independent', async () => {
    const a = new EchoDevice();
    const b = new EchoDevice();
    const portA = await opened('/dev/test-a', a);
    const portB = await opened('/dev/test-b', b);
    portA.port.write(Buffer.from([10]));
    portB.port.write(Buffer.from([20]));
    await settle(wireActivity);
    expect(a.received).toEqual([10]);
    expect(b.received).toEqual([20]);
    expect(portA.input).toEqual([11]);
    expect(portB.input).toEqual([21]);
    expect((await WireBinding.list()).map((info) => info.path).sort()).toEqual(['/dev/test-a', '/dev/test-b']);
  });

  it('delivers in chunks no larger than maxReadSize', async () => {
    const device = new EchoDevice();
    const { input, chunks } = await opened('/dev/test-slow', device, 1);
    device.say([1, 2, 3, 4]);
    await settle(wireActivity);
    expect(input).toEqual([1, 2, 3, 4]);
    expect(chunks).toEqual([1, 1, 1, 1]);
  });

  it('loses bytes both ways while the line is dead, and carries them again once healed', async () => {
    const device = new EchoDevice();
    const { port, input } = await opened('/dev/test-dead', device);
    setLineDead('/dev/test-dead', true);
    port.write(Buffer.from([7]));
    device.say([9]);
    await settle(wireActivity);
    expect(device.received).toEqual([]);
    expect(input).toEqual([]);
    setLineDead('/dev/test-dead', false);
    port.write(Buffer.from([8]));
    await settle(wireActivity);
    expect(device.received).toEqual([8]);
    expect(input).toEqual([9]);
  });

  it('loses bytes after the device is unplugged, and refuses to open a port with no device', async () => {
    const device = new EchoDevice();
    const { port, input } = await opened('/dev/test-unplug', device);
    detachDevice('/dev/test-unplug');
    port.write(Buffer.from([1]));
    device.say([2]);
    await settle(wireActivity);
    expect(device.received).toEqual([]);
    expect(input).toEqual([]);
    await expect(openDevicePort('/dev/test-unplug')).rejects.toThrow(/no device/);
  });

  it('refuses a second open of the same line until the first is closed', async () => {
    const device = new EchoDevice();
    const { port } = await opened('/dev/test-lock', device);
    await expect(openDevicePort('/dev/test-lock')).rejects.toThrow(/already open/);
    await new Promise<void>((resolve) => port.close(() => resolve()));
    const again = await openDevicePort('/dev/test-lock');
    expect(again.isOpen).toBe(true);
  });

  it('drops what the device says before the driver opens the port', async () => {
    const device = new EchoDevice();
    attachDevice('/dev/test-early', device);
    device.say([5]);
    const port = await openDevicePort('/dev/test-early');
    const input: number[] = [];
    port.on('data', (chunk: Buffer) => input.push(...chunk));
    device.say([6]);
    await settle(wireActivity);
    expect(input).toEqual([6]);
  });
});
