import { useEffect } from 'react';
import type { TerminalKey } from '../../shared/sandbox-api.ts';
import { CardTray } from './components/CardTray.tsx';
import { FaultPanel } from './components/FaultPanel.tsx';
import { HostConsole } from './components/HostConsole.tsx';
import { Notices } from './components/Notices.tsx';
import { PinPad } from './components/PinPad.tsx';
import { Playback } from './components/Playback.tsx';
import { ReceiptPile } from './components/Printer.tsx';
import { SaleGuide } from './components/SaleGuide.tsx';
import { Terminal } from './components/Terminal.tsx';
import { Timeline } from './components/Timeline.tsx';
import { TopBar } from './components/TopBar.tsx';
import { useSandbox, type Sandbox } from './use-sandbox.ts';

const KEYBOARD: Record<string, TerminalKey> = { Enter: 'ENTER', Escape: 'CANCEL', Backspace: 'CLEAR', ArrowUp: 'UP', ArrowDown: 'DOWN', F2: 'FUNC' };

/** The computer keyboard works the terminal; while the PIN pad asks, digits and Enter go to the pad. */
function useKeyboard(sandbox: Sandbox): void {
  const prompting = sandbox.state?.pinpad.prompting === true;
  const { send } = sandbox;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = /^[0-9]$/.test(event.key) ? (event.key as TerminalKey) : KEYBOARD[event.key];
      if (!key) return;
      event.preventDefault();
      if (prompting && /^[0-9]$/.test(key)) send({ type: 'pinpad', action: 'digit', digit: key });
      else if (prompting && ['ENTER', 'CANCEL', 'CLEAR'].includes(key)) send({ type: 'pinpad', action: key.toLowerCase() as 'enter' | 'cancel' | 'clear' });
      else send({ type: 'key', key });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prompting, send]);
}

export function App({ sessionId }: { sessionId: string }) {
  const sandbox = useSandbox(sessionId);
  useKeyboard(sandbox);
  const { state, send } = sandbox;
  return (
    <div className="app">
      <TopBar status={sandbox.status} state={state} send={send} />
      <Notices notices={sandbox.notices} dismiss={sandbox.dismiss} />
      {state === null ? (
        <p className="loading">Switching the terminal on…</p>
      ) : (
        <main className="layout">
          <div className="counter">
            <SaleGuide state={state} />
            <div className="devices">
              <Terminal state={state} onKey={(key) => send({ type: 'key', key })} onRemoveCard={() => send({ type: 'card', action: 'remove' })} />
              <PinPad pinpad={state.pinpad} send={send} />
            </div>
            <CardTray state={state} send={send} />
            <ReceiptPile sessionId={state.sessionId} receipts={state.printer.receipts} />
          </div>
          <div className="trainer">
            <FaultPanel active={state.faults.active} armed={state.faults.armed} send={send} />
            <Playback playback={state.playback} send={send} />
          </div>
          <div className="observer">
            <Timeline entries={sandbox.timeline} total={sandbox.timelineStart + sandbox.timeline.length} />
            <HostConsole state={state} send={send} />
          </div>
        </main>
      )}
    </div>
  );
}
