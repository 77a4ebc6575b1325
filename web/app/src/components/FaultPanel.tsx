import { useState } from 'react';
import { API, type ClientMessage, type FaultInfo } from '../../../shared/sandbox-api.ts';
import { faultTitle } from '../format.ts';
import { useJson } from '../use-json.ts';

function FaultRow({ fault, active, send }: { fault: FaultInfo; active: boolean; send: (message: ClientMessage) => void }) {
  const [params, setParams] = useState(fault.params);
  const [duration, setDuration] = useState('');
  const apply = () => send({ type: 'fault', name: fault.name, params, ...(duration.trim() ? { for: duration.trim() } : {}) });
  return (
    <li className={`fault ${active ? 'active' : ''}`} data-fault={fault.name}>
      <div className="fault-head">
        <button type="button" className="fault-button" onClick={apply} aria-label={`apply ${fault.name}`}>
          {faultTitle(fault.name)}
        </button>
        {active && (
          <button type="button" className="heal" onClick={() => send({ type: 'heal', name: fault.name })} aria-label={`heal ${fault.name}`}>
            Heal
          </button>
        )}
      </div>
      <p className="summary">{fault.summary}</p>
      <div className="fault-options">
        {fault.params !== '{}' && (
          <label>
            params <input value={params} onChange={(event) => setParams(event.target.value)} aria-label={`${fault.name} parameters`} size={14} />
          </label>
        )}
        <label>
          for <input value={duration} placeholder={fault.duration || 'until healed'} onChange={(event) => setDuration(event.target.value)} aria-label={`${fault.name} duration`} size={9} />
        </label>
      </div>
    </li>
  );
}

/** The same fault units the scenarios use, one button each with what a real terminal then does. */
export function FaultPanel({ active, send }: { active: readonly string[]; send: (message: ClientMessage) => void }) {
  const faults = useJson<FaultInfo[]>(API.faults);
  return (
    <section className="panel faults" aria-label="Fault panel">
      <h2>Faults</h2>
      {faults.error && (
        <p className="error">
          {faults.error} <button type="button" onClick={faults.reload}>Retry</button>
        </p>
      )}
      <ul>
        {(faults.data ?? []).map((fault) => (
          <FaultRow key={fault.name} fault={fault} active={active.includes(fault.name)} send={send} />
        ))}
      </ul>
    </section>
  );
}
