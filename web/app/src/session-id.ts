import { SESSION_ID } from '../../shared/sandbox-api.ts';

const STORAGE_KEY = 'poslab-sandbox-session';

/** getRandomValues works on plain http too (a projector laptop reached by its LAN address). */
function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Each tab has its own session: the id lives in the tab's sessionStorage and in the address,
 * so a reload comes back to the same running terminal and a new tab starts a fresh one.
 */
export function sessionIdForTab(win: Window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('session');
  const stored = win.sessionStorage.getItem(STORAGE_KEY);
  const id = [fromUrl, stored].find((candidate): candidate is string => candidate !== null && SESSION_ID.test(candidate)) ?? newSessionId();
  win.sessionStorage.setItem(STORAGE_KEY, id);
  if (fromUrl !== id) {
    url.searchParams.set('session', id);
    win.history.replaceState(null, '', url);
  }
  return id;
}
