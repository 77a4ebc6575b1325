import { useState } from 'react';
import { API, type ClientMessage, type PlaybackState, type ScenarioInfo } from '../../../shared/sandbox-api.ts';
import { useJson } from '../use-json.ts';

const MARK = { pending: '·', running: '▶', passed: '✓', failed: '✗' } as const;

function Steps({ playback }: { playback: PlaybackState }) {
  return (
    <ol className="steps" start={1}>
      {playback.steps.map((step) => (
        <li key={step.index} className={`step ${step.status} ${step.index === playback.next ? 'next' : ''}`} data-status={step.status}>
          <span className="mark">{MARK[step.status]}</span> {step.label}
          {step.message && <div className="step-message">{step.message}</div>}
        </li>
      ))}
    </ol>
  );
}

/** Any scenario file, played on this terminal: play, pause (and take over), step, stop. */
export function Playback({ playback, send }: { playback: PlaybackState | null; send: (message: ClientMessage) => void }) {
  const scenarios = useJson<ScenarioInfo[]>(API.scenarios);
  const [file, setFile] = useState('');
  const chosen = file || scenarios.data?.[0]?.file || '';
  return (
    <section className="panel playback" aria-label="Scenario playback">
      <h2>Scenario playback</h2>
      {scenarios.error && (
        <p className="error">
          {scenarios.error} <button type="button" onClick={scenarios.reload}>Retry</button>
        </p>
      )}
      <div className="row">
        <select value={chosen} onChange={(event) => setFile(event.target.value)} aria-label="scenario file">
          {(scenarios.data ?? []).map((scenario) => (
            <option key={scenario.file} value={scenario.file}>
              {scenario.id} — {scenario.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={!chosen} onClick={() => send({ type: 'playback', action: 'load', file: chosen })}>
          Load
        </button>
      </div>
      {playback && (
        <>
          <p className="playing-title">
            <strong>{playback.id}</strong> {playback.title}
          </p>
          <div className="row">
            {playback.playing ? (
              <button type="button" onClick={() => send({ type: 'playback', action: 'pause' })}>
                ❚❚ Pause (take over)
              </button>
            ) : (
              <button type="button" disabled={playback.next >= playback.steps.length} onClick={() => send({ type: 'playback', action: 'play' })}>
                ▶ Play
              </button>
            )}
            <button type="button" disabled={playback.next >= playback.steps.length} onClick={() => send({ type: 'playback', action: 'step' })}>
              Step
            </button>
            <button type="button" onClick={() => send({ type: 'playback', action: 'stop' })}>
              Stop (free play)
            </button>
          </div>
          <Steps playback={playback} />
        </>
      )}
    </section>
  );
}
