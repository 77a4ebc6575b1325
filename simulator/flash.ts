/**
 * The terminal's flash memory: survives power cuts, lost only when the terminal is scrapped.
 * The harness keeps one per emulated terminal across power-off/power-on.
 */
export class Flash {
  private readonly cells = new Map<string, string>();

  read(key: string): string | undefined {
    return this.cells.get(key);
  }

  write(key: string, value: string): void {
    this.cells.set(key, value);
  }

  /** A copy of everything stored, for the secrets check on artefacts. */
  dump(): ReadonlyMap<string, string> {
    return new Map(this.cells);
  }
}
