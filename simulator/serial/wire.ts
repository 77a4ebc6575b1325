import { createRequire } from 'node:module';
import type * as BindingMock from '@serialport/binding-mock' with { 'resolution-mode': 'require' };
import type { MockPortInternal } from '@serialport/binding-mock' with { 'resolution-mode': 'require' };
import type { BindingInterface, OpenOptions, PortInfo } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import { SerialPortStream } from '@serialport/stream';
import type { SerialDevice } from './device.ts';

// The binding packages publish types for their CommonJS entry only, so under NodeNext the ESM
// entry is untyped: load the CommonJS one, whose declarations TypeScript can see.
const { MockPortBinding } = createRequire(import.meta.url)('@serialport/binding-mock') as typeof BindingMock;

/**
 * A two-ended serial wire. `@serialport/binding-mock` is one-ended: bytes fed with `emitData`
 * reach the port, and writes are only recorded. Here every line pairs a port path with an
 * emulated device: what the driver writes reaches `device.receive`, what the device sends
 * becomes the port's input. Only `process.nextTick` moves bytes (as in binding-mock), so the
 * wire never depends on real time, and each path is an independent line, so many terminals
 * can share one process.
 */
export interface WireOptions {
  /** Largest chunk one read hands the stream; 1 makes the driver see bytes one at a time. */
  readonly maxReadSize?: number;
}

interface Line {
  readonly path: string;
  readonly device: SerialDevice;
  readonly maxReadSize: number;
  dead: boolean;
  port: WirePortBinding | undefined;
}

const lines = new Map<string, Line>();
let activity = 0;

/** Grows whenever bytes cross any line; give it to `settle` to wait until the wires go quiet. */
export function wireActivity(): number {
  return activity;
}

class WirePortBinding extends MockPortBinding {
  constructor(
    private readonly line: Line,
    internal: MockPortInternal,
    openOptions: Required<OpenOptions>,
  ) {
    super(internal, openOptions);
  }

  override async write(buffer: Buffer): Promise<void> {
    await super.write(buffer);
    if (!isConnected(this.line) || this.line.port !== this) return;
    activity++;
    this.line.device.receive(new Uint8Array(buffer));
  }

  override async close(): Promise<void> {
    await super.close();
    if (this.line.port === this) this.line.port = undefined;
  }

  deliver(bytes: Uint8Array): void {
    if (!this.isOpen) return;
    activity++;
    this.emitData(Buffer.from(bytes));
  }
}

function isConnected(line: Line): boolean {
  return !line.dead && lines.get(line.path) === line;
}

function portInfo(path: string): PortInfo {
  return {
    path,
    manufacturer: 'poslab',
    serialNumber: undefined,
    pnpId: undefined,
    locationId: undefined,
    vendorId: undefined,
    productId: undefined,
  };
}

/** The binding a `SerialPortStream` opens wired ports with. */
export const WireBinding: BindingInterface<WirePortBinding> = {
  async list() {
    return [...lines.keys()].map(portInfo);
  },

  async open(options) {
    if (!options.baudRate) throw new TypeError('"baudRate" is not a valid baudRate');
    await new Promise<void>((resolve) => process.nextTick(resolve));
    const line = lines.get(options.path);
    if (!line) throw new Error(`no device is attached at ${options.path}`);
    if (line.port?.isOpen) throw new Error(`port ${options.path} is already open`);
    const internal: MockPortInternal = {
      data: Buffer.alloc(0),
      echo: false,
      record: false,
      info: portInfo(options.path),
      maxReadSize: line.maxReadSize,
    };
    const openOptions: Required<OpenOptions> = {
      dataBits: 8,
      lock: true,
      stopBits: 1,
      parity: 'none',
      rtscts: false,
      xon: false,
      xoff: false,
      xany: false,
      hupcl: true,
      ...options,
    };
    line.port = new WirePortBinding(line, internal, openOptions);
    return line.port;
  },
};

/** Plugs `device` into the line at `path`; a device already there is unplugged first. */
export function attachDevice(path: string, device: SerialDevice, options: WireOptions = {}): void {
  const line: Line = { path, device, maxReadSize: options.maxReadSize ?? 1024, dead: false, port: undefined };
  lines.set(path, line);
  device.connect((bytes) => {
    if (isConnected(line)) line.port?.deliver(bytes.slice());
  });
}

/** Opens the driver's end of the line at `path`, the way a terminal opens its COM port. */
export async function openDevicePort(path: string, baudRate = 9600): Promise<SerialPortStream<typeof WireBinding>> {
  const stream = new SerialPortStream({ binding: WireBinding, path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => stream.open((error) => (error ? reject(error) : resolve())));
  return stream;
}

/** Unplugs the device at `path`: from now on bytes in either direction vanish. */
export function detachDevice(path: string): void {
  lines.delete(path);
}

/** A cut cable: while dead, bytes in either direction vanish and nobody is told. */
export function setLineDead(path: string, dead: boolean): void {
  const line = lines.get(path);
  if (!line) throw new Error(`no device is attached at ${path}`);
  line.dead = dead;
}

/** Unplugs every device; for test set-up. */
export function resetWire(): void {
  lines.clear();
}
