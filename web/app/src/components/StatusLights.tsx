import type { SessionState } from '../../../shared/sandbox-api.ts';

function paperLight(printer: SessionState['printer']): { tone: string; label: string } {
  if (printer.jammed) return { tone: 'red', label: 'paper jam' };
  if (printer.coverOpen) return { tone: 'red', label: 'cover open' };
  if (printer.paper === 'out') return { tone: 'red', label: 'out of paper' };
  if (printer.paper === 'near-end') return { tone: 'amber', label: 'paper low' };
  return { tone: 'green', label: 'paper ok' };
}

export function StatusLights({ state }: { state: SessionState }) {
  const paper = paperLight(state.printer);
  const lights = [
    { name: 'network', tone: state.network.up ? 'green' : 'red', label: state.network.up ? 'network up' : 'network down' },
    { name: 'paper', ...paper },
    { name: 'card', tone: state.reader.cardInside ? 'amber' : 'off', label: state.reader.cardInside ? 'card in reader' : 'no card' },
  ];
  return (
    <ul className="lights" aria-label="Status lights">
      {lights.map((light) => (
        <li key={light.name} data-light={light.name} data-tone={light.tone}>
          <span className={`led ${light.tone}`} aria-hidden="true" />
          {light.label}
        </li>
      ))}
    </ul>
  );
}
