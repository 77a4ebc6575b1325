import type { TerminalKey } from '../../../shared/sandbox-api.ts';

const ROWS: ReadonlyArray<ReadonlyArray<{ key: TerminalKey; label: string; tone?: string }>> = [
  [{ key: '1', label: '1' }, { key: '2', label: '2' }, { key: '3', label: '3' }, { key: 'UP', label: '▲' }],
  [{ key: '4', label: '4' }, { key: '5', label: '5' }, { key: '6', label: '6' }, { key: 'DOWN', label: '▼' }],
  [{ key: '7', label: '7' }, { key: '8', label: '8' }, { key: '9', label: '9' }, { key: 'FUNC', label: 'FUNC' }],
  [
    { key: 'CANCEL', label: 'CANCEL', tone: 'cancel' },
    { key: '0', label: '0' },
    { key: 'CLEAR', label: 'CLEAR', tone: 'clear' },
    { key: 'ENTER', label: 'ENTER', tone: 'enter' },
  ],
];

/** The terminal's rubber keypad; the computer keyboard works too (see App). */
export function Keypad({ onKey }: { onKey: (key: TerminalKey) => void }) {
  return (
    <div className="keypad" role="group" aria-label="Terminal keypad">
      {ROWS.flat().map(({ key, label, tone }) => (
        <button key={key} type="button" className={`key ${tone ?? ''}`} data-key={key} aria-label={`key ${key}`} onClick={() => onKey(key)}>
          {label}
        </button>
      ))}
    </div>
  );
}
