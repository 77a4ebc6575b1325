/** Where a terminal says it is, from field 59 (`region=<code>;cell=<id>`, as the modem reports it). */
export interface TerminalLocation {
  readonly region: string;
  readonly cell: string | undefined;
}

/**
 * Reads field 59. Pairs may come in any order and unknown keys are ignored, so a terminal that
 * adds, say, a signal strength does not lose its location; without a region there is none.
 */
export function readTerminalLocation(field59: string | undefined): TerminalLocation | undefined {
  if (field59 === undefined) return undefined;
  const pairs = new Map<string, string>();
  for (const part of field59.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) pairs.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  const region = pairs.get('region');
  if (region === undefined || region === '') return undefined;
  return { region, cell: pairs.get('cell') || undefined };
}
