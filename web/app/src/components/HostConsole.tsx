import type { ClientMessage, SessionState } from '../../../shared/sandbox-api.ts';
import { elapsed, MESSAGE_TYPES, money } from '../format.ts';

/**
 * The acquirer's side: a freeze and the jump-code alerts of its risk control, the journal of
 * what it booked, settled batches, and what each test card has left.
 */
export function HostConsole({ state, send }: { state: SessionState; send: (message: ClientMessage) => void }) {
  return (
    <section className="panel host" aria-label="Host console">
      <h2>Host console</h2>
      {state.frozen && (
        <p className="frozen" role="status">
          The host froze this terminal ({state.frozen.reason}): every sale is refused with 62.{' '}
          <button type="button" onClick={() => send({ type: 'unfreeze' })}>
            Unfreeze (support desk)
          </button>
        </p>
      )}
      <h3>Jump-code alerts</h3>
      {state.alerts.length === 0 ? (
        <p className="empty">No alerts: move the terminal to another region to see one.</p>
      ) : (
        <ul className="alerts">
          {state.alerts.map((alert) => (
            <li key={alert.id} data-rule={alert.rule} data-action={alert.action}>
              <time>{elapsed(alert.t)}</time> <strong>{alert.rule}</strong> → {alert.action}: {alert.summary}
            </li>
          ))}
        </ul>
      )}
      <h3>Journal</h3>
      {state.journal.length === 0 ? (
        <p className="empty">Nothing booked yet.</p>
      ) : (
        <table className="journal host-journal">
          <thead>
            <tr>
              <th>time</th>
              <th>STAN</th>
              <th>type</th>
              <th>amount</th>
              <th>card</th>
              <th>result</th>
              <th>auth</th>
            </tr>
          </thead>
          <tbody>
            {state.journal.map((row) => (
              <tr key={row.id} data-status={row.status}>
                <td>{elapsed(row.t)}</td>
                <td>{row.stan}</td>
                <td title={row.mti}>{MESSAGE_TYPES[row.mti] ?? row.mti}</td>
                <td>{money(row.amountMinor)}</td>
                <td>
                  <code>{row.panMasked}</code>
                </td>
                <td>
                  {row.status} ({row.responseCode})
                </td>
                <td>{row.authCode ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Settlement</h3>
      {state.settlements.length === 0 ? (
        <p className="empty">No batch settled yet (menu 8 on the terminal).</p>
      ) : (
        <table className="journal settlements">
          <thead>
            <tr>
              <th>time</th>
              <th>batch</th>
              <th>sales</th>
              <th>refunds</th>
              <th>result</th>
            </tr>
          </thead>
          <tbody>
            {state.settlements.map((row) => (
              <tr key={`${row.batch}-${row.t}`} data-balanced={row.balanced}>
                <td>{elapsed(row.t)}</td>
                <td>{row.batch}</td>
                <td>
                  {row.debitCount} · {money(row.debitMinor)}
                </td>
                <td>
                  {row.creditCount} · {money(row.creditMinor)}
                </td>
                <td>{row.balanced ? 'balanced' : `unbalanced (${row.state})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Card balances</h3>
      <ul className="balances">
        {state.cards.map((card) => (
          <li key={card.id}>
            {card.id}: {card.balanceMinor === undefined ? 'unknown' : money(card.balanceMinor)}
          </li>
        ))}
      </ul>
    </section>
  );
}
