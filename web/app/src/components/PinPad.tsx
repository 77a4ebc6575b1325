import type { ClientMessage, SessionState } from '../../../shared/sandbox-api.ts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The customer's PIN pad: its own little screen, digits, and the three coloured keys. */
export function PinPad({ pinpad, send }: { pinpad: SessionState['pinpad']; send: (message: ClientMessage) => void }) {
  const idle = !pinpad.prompting;
  const title = idle ? 'The PIN pad wakes up when the terminal asks for a PIN' : undefined;
  const digit = (d: string) => (
    <button key={d} type="button" className="key" disabled={idle} title={title} aria-label={`PIN pad ${d}`} onClick={() => send({ type: 'pinpad', action: 'digit', digit: d })}>
      {d}
    </button>
  );
  return (
    <section className={`pinpad ${idle ? 'idle' : 'asking'}`} aria-label="PIN pad">
      <pre className="pinpad-screen" data-testid="pinpad-screen">
        {pinpad.screen.split(' / ').join('\n')}
      </pre>
      <div className="pinpad-keys">
        {DIGITS.map(digit)}
        <button type="button" className="key cancel" disabled={idle} title={title} onClick={() => send({ type: 'pinpad', action: 'cancel' })}>
          CANCEL
        </button>
        {digit('0')}
        <button type="button" className="key clear" disabled={idle} title={title} onClick={() => send({ type: 'pinpad', action: 'clear' })}>
          CLEAR
        </button>
        <button type="button" className="key enter wide" disabled={idle} title={title} aria-label="PIN pad ENTER" onClick={() => send({ type: 'pinpad', action: 'enter' })}>
          ENTER
        </button>
      </div>
    </section>
  );
}
