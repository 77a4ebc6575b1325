import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ClientMessage } from '../../shared/sandbox-api.ts';
import { SandboxConnection, type SandboxView } from './sandbox-connection.ts';

export interface Sandbox extends SandboxView {
  send(message: ClientMessage): void;
  dismiss(id: number): void;
  notify: SandboxConnection['notify'];
}

/** The tab's live session: its view, and the way to act on it. */
export function useSandbox(sessionId: string): Sandbox {
  const [connection] = useState(() => new SandboxConnection(sessionId));
  useEffect(() => {
    connection.connect();
    return () => connection.dispose();
  }, [connection]);
  const view = useSyncExternalStore(connection.subscribe, connection.snapshot);
  return {
    ...view,
    send: (message) => connection.send(message),
    dismiss: (id) => connection.dismiss(id),
    notify: (notice) => connection.notify(notice),
  };
}
