import { encodeStxFrame, NAK, StxFrameDecoder, type StxItem } from '../../../protocol/framing/stx-etx.ts';
import type { SerialDevice } from '../../serial/device.ts';

/** Talks to a serial device the way its driver would, for device fault tests: one command, what came back. */
export function deviceLine(device: SerialDevice): { ask(command: string): StxItem[]; nak(): StxItem[] } {
  let received: StxItem[] = [];
  const decoder = new StxFrameDecoder();
  device.connect((bytes) => received.push(...decoder.push(bytes)));
  return {
    ask(command) {
      received = [];
      device.receive(encodeStxFrame(Buffer.from(command, 'latin1')));
      return received;
    },
    /** Refuses the device's last frame, as a driver does after a bad checksum: the device sends it again. */
    nak() {
      received = [];
      device.receive(Uint8Array.of(NAK));
      return received;
    },
  };
}
