import type { EventSink } from '../../platform/events.ts';
import { ignoreEvents } from '../../platform/events.ts';

/** A key on the terminal's own keypad, as its membrane reports it. */
export type ConsoleKey =
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
  | 'ENTER' | 'CANCEL' | 'CLEAR' | 'FUNC' | 'UP' | 'DOWN';

export interface ConsoleScreen {
  readonly lines: readonly string[];
  readonly awaiting: 'person' | 'nothing';
}

const WIDTH = 20;
const HEIGHT = 4;

/**
 * The terminal's built-in keypad and 20×4 character display. The display clips what the
 * application sends to what the glass can show, so a test reads exactly what a cashier sees;
 * every screen change and key press goes to the timeline.
 */
export class TerminalConsole {
  private current: ConsoleScreen = { lines: [], awaiting: 'nothing' };
  private readonly keyListeners = new Set<(key: ConsoleKey) => void>();
  private readonly shown: string[][] = [];

  constructor(private readonly events: EventSink = ignoreEvents) {}

  show(screen: ConsoleScreen): void {
    const lines = screen.lines.slice(0, HEIGHT).map((line) => line.slice(0, WIDTH));
    const same =
      screen.awaiting === this.current.awaiting &&
      lines.length === this.current.lines.length &&
      lines.every((line, i) => line === this.current.lines[i]);
    // Redrawing what the glass already shows changes nothing a cashier could see.
    if (same) return;
    this.current = { lines, awaiting: screen.awaiting };
    this.shown.push(lines);
    this.events('console', 'screen', { text: lines.join(' | '), awaiting: screen.awaiting });
  }

  onKey(listener: (key: ConsoleKey) => void): () => void {
    this.keyListeners.add(listener);
    return () => this.keyListeners.delete(listener);
  }

  press(key: ConsoleKey): void {
    this.events('console', 'key', { key });
    for (const listener of [...this.keyListeners]) listener(key);
  }

  /** What the glass shows now, one string per line. */
  get lines(): readonly string[] {
    return this.current.lines;
  }

  get text(): string {
    return this.current.lines.join('\n');
  }

  get awaitingPerson(): boolean {
    return this.current.awaiting === 'person';
  }

  /** Every screen shown since power-on, oldest first. */
  history(): readonly (readonly string[])[] {
    return this.shown;
  }

  /** Power cut: the glass goes dark. */
  blank(): void {
    this.current = { lines: [], awaiting: 'nothing' };
  }
}
