import type { SessionState } from '../../../shared/sandbox-api.ts';

interface GuideStep {
  readonly when: RegExp;
  readonly text: (state: SessionState) => string;
}

const STEPS: readonly GuideStep[] = [
  {
    when: /OPERATOR SIGN IN/,
    text: ({ world }) => `Sign in: type ${world.operator.code} and press ENTER, then the password ${world.operator.password} and ENTER.`,
  },
  { when: /^READY/m, text: () => 'Press 1 for a sale.' },
  { when: /ENTER AMOUNT/, text: () => 'Type the amount in fen (1234 = RMB 12.34) and press ENTER.' },
  { when: /INSERT\/SWIPE|PLEASE INSERT|PLEASE SWIPE|SWIPE AGAIN/, text: () => 'Pick a card in the card tray and press Insert (debit-ok is a good start).' },
  { when: /ENTER PIN/, text: () => 'The customer types the PIN on the PIN pad (test cards: 123456) and presses its green ENTER.' },
  { when: /PROCESSING|APPROVED|PRINTING/, text: () => 'The terminal talks to the bank: watch the timeline.' },
  { when: /TEAR OFF/, text: () => 'The merchant copy is printed: press ENTER for the customer copy, then remove the card.' },
  {
    when: /PRESS ANY KEY|PRESS ENTER/,
    text: () => 'Something went wrong and the terminal says what: read it, fix it if it asks (heal the fault), then press ENTER.',
  },
];

/** How to do a sale, one line per step, the step the terminal is at highlighted. */
export function SaleGuide({ state }: { state: SessionState }) {
  const screen = state.screen.lines.join('\n');
  const current = STEPS.findIndex((step) => step.when.test(screen));
  // On a problem screen the sale did not get further: nothing is crossed off.
  const progress = current === STEPS.length - 1 ? -1 : current;
  return (
    <section className="panel guide" aria-label="How to do a sale">
      <h2>How to do a sale</h2>
      <ol>
        {STEPS.map((step, i) => (
          <li key={i} className={i === current ? 'current' : i < progress ? 'done' : ''} aria-current={i === current ? 'step' : undefined}>
            {step.text(state)}
          </li>
        ))}
      </ol>
      <p className="hint">Keyboard: digits, Enter, Esc = CANCEL, Backspace = CLEAR. While the PIN pad asks, digits go to the PIN pad.</p>
    </section>
  );
}
