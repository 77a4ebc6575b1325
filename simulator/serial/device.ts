/**
 * An emulated device on the far end of a serial line. The wire hands it every byte the driver
 * writes (in whatever chunks the stream delivers) and gives it `send` for its answers, so the
 * device is a byte-in/byte-out state machine that knows nothing of streams or ports.
 */
export interface SerialDevice {
  connect(send: (bytes: Uint8Array) => void): void;
  receive(bytes: Uint8Array): void;
}
