import type { FaultUnit } from './fault.ts';
import { networkDrop } from './network-drop.ts';
import { networkDropResponses } from './network-drop-responses.ts';
import { printerCoverOpen, printerJam, printerPaperNearEnd, printerPaperOut } from './printer-faults.ts';

/** Every fault a scenario or the sandbox can name. Add a unit here and it is usable everywhere. */
export const faultUnits: ReadonlyMap<string, FaultUnit<never>> = new Map(
  ([networkDrop, networkDropResponses, printerPaperOut, printerPaperNearEnd, printerJam, printerCoverOpen] as FaultUnit<never>[]).map((unit) => [unit.name, unit]),
);
