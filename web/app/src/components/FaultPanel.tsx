import { useState } from 'react';
import { API, type ClientMessage, type FaultInfo } from '../../../shared/sandbox-api.ts';
import { faultTitle } from '../format.ts';
import { useJson } from '../use-json.ts';

/** When a fault may start: now, or as a message of this type enters the network. */
const STARTS: ReadonlyArray<{ on: string; label: string }> = [
  { on: '', label: 'now' },
  { on: '0200', label: 'as a sale request goes out' },
  { on: '0210', label: 'as the host answers a sale' },
  { on: '0400', label: 'as a reversal goes out' },
];

/** Groups open at first: what trainers reach for most. */
const OPEN_GROUPS = new Set(['network', 'printer']);

type Status = 'idle' | 'armed' | 'active';

function FaultRow({ fault, status, send }: { fault: FaultInfo; status: Status; send: (message: ClientMessage) => void }) {
  const [params, setParams] = useState(fault.params);
  const [duration, setDuration] = useState('');
  const [on, setOn] = useState('');
  const apply = () =>
    send({ type: 'fault', name: fault.name, params, ...(duration.trim() ? { for: duration.trim() } : {}), ...(on ? { on } : {}) });
  return (
    <li className={`fault ${status}`} data-fault={fault.name} data-status={status}>
      <div className="fault-head">
        <button type="button" className="fault-button" onClick={apply} aria-label={`apply ${fault.name}`}>
          {faultTitle(fault.name)}
          {status === 'armed' && <span className="armed-note"> · armed</span>}
        </button>
        {status !== 'idle' && (
          <button type="button" className="heal" onClick={() => send({ type: 'heal', name: fault.name })} aria-label={`heal ${fault.name}`}>
            {status === 'armed' ? 'Disarm' : 'Heal'}
          </button>
        )}
      </div>
      <p className="summary">{fault.summary}</p>
      <div className="fault-options">
        {fault.params !== '{}' && (
          <label className="params">
            params <input value={params} onChange={(event) => setParams(event.target.value)} aria-label={`${fault.name} parameters`} />
          </label>
        )}
        <label>
          for <input value={duration} placeholder={fault.duration || 'until healed'} onChange={(event) => setDuration(event.target.value)} aria-label={`${fault.name} duration`} size={9} />
        </label>
        <label>
          start{' '}
          <select value={on} onChange={(event) => setOn(event.target.value)} aria-label={`${fault.name} start`}>
            {STARTS.map((start) => (
              <option key={start.on} value={start.on}>
                {start.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </li>
  );
}

/**
 * The same fault units the scenarios use, grouped by what they break, one button each with
 * what a real terminal then does.
 */
export function FaultPanel({ active, armed, send }: { active: readonly string[]; armed: readonly string[]; send: (message: ClientMessage) => void }) {
  const faults = useJson<FaultInfo[]>(API.faults);
  const groups = new Map<string, FaultInfo[]>();
  for (const fault of faults.data ?? []) {
    const group = fault.name.split('.')[0] ?? fault.name;
    groups.set(group, [...(groups.get(group) ?? []), fault]);
  }
  const statusOf = (name: string): Status => (active.includes(name) ? 'active' : armed.includes(name) ? 'armed' : 'idle');
  return (
    <section className="panel faults" aria-label="Fault panel">
      <h2>
        Faults <small>({active.length} active)</small>
      </h2>
      {faults.error && (
        <p className="error">
          {faults.error} <button type="button" onClick={faults.reload}>Retry</button>
        </p>
      )}
      {[...groups].map(([group, units]) => {
        const live = units.filter((unit) => statusOf(unit.name) !== 'idle').length;
        return (
          <details key={group} open={OPEN_GROUPS.has(group) || live > 0} className="fault-group">
            <summary>
              {group} <small>({units.length}{live > 0 ? `, ${live} on` : ''})</small>
            </summary>
            <ul>
              {units.map((fault) => (
                <FaultRow key={fault.name} fault={fault} status={statusOf(fault.name)} send={send} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
