import { cardPulledEarly } from './card-pulled-early.ts';
import { cardUnreadable } from './card-unreadable.ts';
import { cardReaderGarbled, cardReaderSilent, pinpadGarbled, pinpadSilent } from './device-line-faults.ts';
import type { FaultUnit } from './fault.ts';
import { hostCrashRestart } from './host-crash-restart.ts';
import { hostDown } from './host-down.ts';
import { hostSlow } from './host-slow.ts';
import { hostWrongStan } from './host-wrong-stan.ts';
import { networkBandwidth } from './network-bandwidth.ts';
import { networkCorrupt } from './network-corrupt.ts';
import { networkDelayMessage } from './network-delay-message.ts';
import { networkDrop } from './network-drop.ts';
import { networkDropMessage } from './network-drop-message.ts';
import { networkDropResponses } from './network-drop-responses.ts';
import { networkDuplicate } from './network-duplicate.ts';
import { networkFlap } from './network-flap.ts';
import { networkLatency } from './network-latency.ts';
import { networkLimitData } from './network-limit-data.ts';
import { networkResetPeer } from './network-reset-peer.ts';
import { networkSlicer } from './network-slicer.ts';
import { networkTamper } from './network-tamper.ts';
import { networkTimeout } from './network-timeout.ts';
import { networkWeakSignal } from './network-weak-signal.ts';
import { operatorWrongAmount, operatorWrongMenu, operatorWrongPassword } from './operator-mistakes.ts';
import { pinpadCancel } from './pinpad-cancel.ts';
import * as printerFaults from './printer-faults.ts';
import { terminalMoveTo } from './terminal-move-to.ts';
import { terminalRebind } from './terminal-rebind.ts';

const units: FaultUnit<never>[] = [
  networkDrop,
  networkDropResponses,
  networkLatency,
  networkBandwidth,
  networkSlicer,
  networkTimeout,
  networkResetPeer,
  networkLimitData,
  networkCorrupt,
  networkDuplicate,
  networkFlap,
  networkDropMessage,
  networkDelayMessage,
  networkTamper,
  networkWeakSignal,
  hostDown,
  hostSlow,
  hostCrashRestart,
  hostWrongStan,
  cardUnreadable,
  cardPulledEarly,
  cardReaderSilent,
  cardReaderGarbled,
  pinpadSilent,
  pinpadCancel,
  pinpadGarbled,
  operatorWrongPassword,
  operatorWrongAmount,
  operatorWrongMenu,
  terminalMoveTo,
  terminalRebind,
  // Every unit printer-faults.ts exports, so the printer's owner adds units without touching this
  // file; sorted, because a module namespace's key order differs between loaders.
  ...(Object.values(printerFaults) as FaultUnit<never>[]).sort((a, b) => a.name.localeCompare(b.name)),
] as FaultUnit<never>[];

/** Every fault a scenario or the sandbox can name. Add a unit here and it is usable everywhere. */
export const faultUnits: ReadonlyMap<string, FaultUnit<never>> = new Map(units.map((unit) => [unit.name, unit]));
