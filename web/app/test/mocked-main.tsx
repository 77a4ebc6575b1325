import { setupWorker } from 'msw/browser';
import { createRoot } from 'react-dom/client';
import { App } from '../src/App.tsx';
import { sessionIdForTab } from '../src/session-id.ts';
import '../src/styles.css';
import { mockSandbox, type MockControl } from './mock-sandbox.ts';

declare global {
  interface Window {
    mockSandbox: MockControl;
  }
}

/**
 * The real app, started against msw instead of a server: the service worker answers the HTTP
 * routes, msw's WebSocket interception plays the session socket.
 */
const control: MockControl = { received: [], connections: 0, drop: () => {} };
window.mockSandbox = control;
await setupWorker(...mockSandbox(location.origin, control)).start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
createRoot(document.getElementById('root')!).render(<App sessionId={sessionIdForTab(window)} />);
