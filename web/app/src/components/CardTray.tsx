import { useState } from 'react';
import type { CardAction, ClientMessage, SessionState } from '../../../shared/sandbox-api.ts';
import { money } from '../format.ts';

/** The session's test cards, each one ready to be inserted, swiped or tapped. */
export function CardTray({ state, send }: { state: SessionState; send: (message: ClientMessage) => void }) {
  const [damaged, setDamaged] = useState(false);
  const act = (card: string, action: CardAction) => send({ type: 'card', action, card, ...(damaged ? { damaged: true } : {}) });
  return (
    <section className="panel tray" aria-label="Card tray">
      <h2>Card tray</h2>
      <label className="damaged">
        <input type="checkbox" checked={damaged} onChange={(event) => setDamaged(event.target.checked)} />
        damaged card (dead chip / worn stripe)
      </label>
      <ul>
        {state.cards.map((card) => (
          <li key={card.id} className={`bank-card ${card.status}`} data-card={card.id}>
            <div className="card-face">
              <strong>{card.id}</strong>
              <code>{card.maskedPan}</code>
              <span className="badges">
                {card.chip ? <span className="badge">chip</span> : <span className="badge">stripe only</span>}
                {card.contactless && <span className="badge">contactless</span>}
                {card.status !== 'active' && <span className="badge warn">{card.status}</span>}
                {card.balanceMinor !== undefined && <span className="balance">{money(card.balanceMinor)}</span>}
              </span>
            </div>
            <div className="card-actions">
              <button type="button" onClick={() => act(card.id, 'insert')} disabled={state.reader.cardInside !== null}>
                Insert
              </button>
              <button type="button" onClick={() => act(card.id, 'swipe')}>
                Swipe
              </button>
              <button type="button" onClick={() => act(card.id, 'tap')} disabled={!card.contactless} title={card.contactless ? undefined : 'no contactless chip'}>
                Tap
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
