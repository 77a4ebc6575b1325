import type { Clock, Timer } from '../platform/clock.ts';
import type { ByteLink } from '../platform/byte-link.ts';
import type { TerminalDevices } from './terminal-context.ts';

const NO_TIMER: Timer = { id: -1 };

/**
 * The terminal's power supply, for an application made of async flows. When the power goes,
 * a real terminal stops mid-instruction: nothing more reaches the screen, the flash, the modem
 * or a device. Here every way the application touches the world goes through the rail; after
 * `cut()` its timers are gone, device answers are never delivered, writes go nowhere, so an
 * abandoned flow simply never runs again — it cannot, say, write a journal entry a second
 * after the plug was pulled. Only what reached flash before the cut survives.
 */
export class PowerRail {
  private on = true;
  private readonly timers = new Set<Timer>();

  constructor(private readonly clock: Clock) {}

  get powered(): boolean {
    return this.on;
  }

  cut(): void {
    this.on = false;
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  /** The clock as the application sees it: no timer of a dead terminal ever fires. */
  readonly time: Clock = {
    now: () => this.clock.now(),
    setTimeout: (callback, ms) => {
      if (!this.on) return NO_TIMER;
      const timer = this.clock.setTimeout(() => {
        this.timers.delete(timer);
        if (this.on) callback();
      }, ms);
      this.timers.add(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      this.timers.delete(timer);
      this.clock.clearTimeout(timer);
    },
  };

  /** Settles like `promise` while the power is on; never, once it went. */
  gate<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      promise.then(
        (value) => this.on && resolve(value),
        (error: unknown) => this.on && reject(error),
      );
    });
  }

  private listener<T>(listener: (value: T) => void): (value: T) => void {
    return (value) => {
      if (this.on) listener(value);
    };
  }

  private link(link: ByteLink): ByteLink {
    const rail = this;
    return {
      get up() {
        return rail.on && link.up;
      },
      write: (bytes) => {
        if (this.on) link.write(bytes);
      },
      onData: (listener) => link.onData(this.listener(listener)),
      onStatus: (listener) => link.onStatus(this.listener(listener)),
      close: () => link.close(),
    };
  }

  /** The devices as the application sees them, all behind the rail. */
  devices(devices: TerminalDevices): TerminalDevices {
    const { display, keypad, modem, flash, printer, pinpad, reader } = devices;
    return {
      display: { show: (screen) => this.on && display.show(screen) },
      keypad: { onKey: (listener) => keypad.onKey(this.listener(listener)) },
      modem: { link: this.link(modem.link), location: () => modem.location(), signal: () => modem.signal() },
      flash: { read: (key) => flash.read(key), write: (key, value) => this.on && flash.write(key, value) },
      printer: {
        status: () => this.gate(printer.status()),
        print: (lines, options) => this.gate(printer.print(lines, options)),
        selfTest: () => this.gate(printer.selfTest()),
      },
      pinpad: {
        selfTest: () => this.gate(pinpad.selfTest()),
        loadWorkingKeys: (keys) => this.gate(pinpad.loadWorkingKeys(keys)),
        getPin: (request) => this.gate(pinpad.getPin(request)),
        mac: (data) => this.gate(pinpad.mac(data)),
      },
      reader: {
        onEvent: (listener) => reader.onEvent(this.listener(listener)),
        transmit: (apdu) => this.gate(reader.transmit(apdu)),
        selfTest: () => this.gate(reader.selfTest()),
      },
    };
  }
}
