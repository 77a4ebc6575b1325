import type { SessionState, TerminalKey } from '../../../shared/sandbox-api.ts';
import { Keypad } from './Keypad.tsx';
import { PrinterPaper } from './Printer.tsx';
import { StatusLights } from './StatusLights.tsx';

const WIDTH = 20;
const HEIGHT = 4;

/** The countertop terminal: printer on top, 20×4 display, status lights, keypad, card slot. */
export function Terminal({ state, onKey, onRemoveCard }: { state: SessionState; onKey: (key: TerminalKey) => void; onRemoveCard: () => void }) {
  const lines = Array.from({ length: HEIGHT }, (_, i) => (state.screen.lines[i] ?? '').padEnd(WIDTH));
  return (
    <section className="terminal" aria-label="POS terminal">
      <PrinterPaper sessionId={state.sessionId} printer={state.printer} />
      <div className="terminal-body">
        <div className="brand">poslab POS · TID {state.world.terminalId}</div>
        {state.problem && (
          <p className="problem" role="alert">
            {state.problem} — press Reset for a fresh terminal.
          </p>
        )}
        <pre className="lcd" data-testid="terminal-screen" data-awaiting={state.screen.awaitingPerson} aria-live="polite">
          {lines.join('\n')}
        </pre>
        <StatusLights state={state} />
        <Keypad onKey={onKey} />
        <div className="card-slot">
          <span className="slot" aria-hidden="true" />
          {state.reader.cardInside ? (
            <button type="button" className="remove-card" onClick={onRemoveCard}>
              Remove card ({state.reader.cardInside})
            </button>
          ) : (
            <span className="slot-label">chip card slot · swipe on the right side</span>
          )}
        </div>
      </div>
    </section>
  );
}
