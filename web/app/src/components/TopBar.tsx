import { SPEEDS, type ClientMessage, type SessionState } from '../../../shared/sandbox-api.ts';
import type { ConnectionStatus } from '../sandbox-connection.ts';
import { terminalTime } from '../format.ts';

const STATUS_TEXT: Record<ConnectionStatus, string> = { connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…' };

export function TopBar({ status, state, send }: { status: ConnectionStatus; state: SessionState | null; send: (message: ClientMessage) => void }) {
  return (
    <header className="topbar">
      <h1>
        poslab <span>sandbox</span>
      </h1>
      <span className={`connection ${status}`} data-testid="connection" data-status={status}>
        ● {STATUS_TEXT[status]}
      </span>
      {state && (
        <>
          <span className="world" title={state.world.title}>
            {state.world.scenarioId} · {state.world.merchantName}
          </span>
          <time className="clock" data-testid="clock">
            {terminalTime(state.clock.iso)}
          </time>
          <label>
            speed{' '}
            <select value={state.clock.speed} onChange={(event) => send({ type: 'speed', speed: Number(event.target.value) })} aria-label="speed">
              {SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {speed}×
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => send({ type: 'reset' })} title="Switch the terminal off and start again with a fresh shop">
            Reset
          </button>
          <a href="/?new" target="_blank" rel="noreferrer">
            New session ↗
          </a>
          <span className="session">session {state.sessionId}</span>
        </>
      )}
    </header>
  );
}
