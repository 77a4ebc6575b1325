import { http, HttpResponse, ws } from 'msw';
import { API, type ClientMessage, type FaultInfo, type ScenarioInfo, type ServerMessage, type SessionState, type TimelineEntry } from '../../shared/sandbox-api.ts';

/**
 * A pretend sandbox server made of msw handlers: the HTTP routes and the session websocket,
 * answering the way the real one does, with just enough of a terminal behind it to exercise
 * every component. Tests steer it through `window.mockSandbox`.
 */
export const FAULTS: FaultInfo[] = [
  { name: 'network.drop', summary: 'The network cable is out: the terminal cannot reach the host.', params: '{}', duration: '30s' },
  { name: 'network.drop_responses', summary: 'Requests reach the host but its answers are lost.', params: '{ count: 1 }', duration: '' },
  { name: 'printer.jam', summary: 'Paper jams in the cutter.', params: '{}', duration: '' },
];

export const SCENARIOS: ScenarioInfo[] = [
  { file: 'transactions/chip-sale-approved.yaml', id: 'TXN-001', title: 'A chip sale with PIN is approved', suite: 'transactions' },
  { file: 'network/lost-response-timeout.yaml', id: 'NET-002', title: 'A lost answer times out', suite: 'network' },
];

/** A 1×1 white PNG, standing in for the printer model's rendering. */
const RECEIPT_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export function initialState(sessionId: string): SessionState {
  return {
    sessionId,
    world: { scenarioId: 'FREE-PLAY', title: 'Free play', merchantName: 'MOCK SHOP', terminalId: '10000001', operator: { code: '01', password: '0000' } },
    clock: { iso: '2026-11-22T01:00:00.000Z', t: 0, speed: 1 },
    screen: { lines: ['OPERATOR SIGN IN', 'OPERATOR NO: '], awaitingPerson: true },
    pinpad: { screen: 'WELCOME', prompting: false },
    reader: { cardInside: null },
    cards: [
      { id: 'debit-ok', maskedPan: '622202*********0123', chip: true, contactless: false, status: 'active', balanceMinor: 500_000 },
      { id: 'lost-card', maskedPan: '622202*********7778', chip: true, contactless: false, status: 'lost', balanceMinor: 100_000 },
    ],
    network: { up: true, region: '310000' },
    printer: { paper: 'ok', coverOpen: false, jammed: false, pendingLines: 0, receipts: [{ index: 1, complete: true, text: 'POS SALES SLIP\nRMB 12.34' }] },
    faults: { active: [], armed: [] },
    alerts: [{ id: 1, rule: 'relocation', action: 'freeze', summary: 'terminal 10000001 reports region 440300, bound to 310000', t: 8_000 }],
    frozen: { reason: 'relocation', t: 8_000 },
    settlements: [{ batch: '000001', balanced: true, state: 'closed', debitCount: 1, debitMinor: 1234, creditCount: 0, creditMinor: 0, t: 9_000 }],
    journal: [{ id: 1, stan: '000002', mti: '0200', amountMinor: 1234, panMasked: '622202*********0123', responseCode: '00', authCode: '123456', status: 'approved', t: 4_300 }],
    playback: null,
    problem: null,
  };
}

export const TIMELINE: TimelineEntry[] = [
  { t: 4_300, source: 'link', kind: 'message', detail: { direction: 'to-host', mti: '0200', fields: '2=622202*********0123 4=000000001234 11=000002 52=[redacted: 8 bytes]' } },
  { t: 4_301, source: 'link', kind: 'dropped', detail: { direction: 'to-terminal', mti: '0210', fields: '11=000002 39=00' } },
];

export interface MockControl {
  readonly received: ClientMessage[];
  connections: number;
  /** Cuts every open socket, as a server restart or a flaky Wi-Fi would. */
  drop(): void;
}

type Link = ReturnType<typeof ws.link>;
type Client = Parameters<Parameters<Link['addEventListener']>[1]>[0]['client'];

export function mockSandbox(origin: string, control: MockControl) {
  const socket = ws.link(`${origin.replace(/^http/, 'ws')}${API.socket}`);
  const states = new Map<string, SessionState>();
  const clients = new Set<Client>();
  const send = (client: Client, message: ServerMessage) => client.send(JSON.stringify(message));

  function answer(state: SessionState, message: ClientMessage): SessionState | string {
    switch (message.type) {
      case 'key': {
        const typed = `${state.screen.lines[1] ?? ''}${/^\d$/.test(message.key) ? message.key : ''}`;
        return { ...state, screen: { ...state.screen, lines: [state.screen.lines[0] ?? '', typed] } };
      }
      case 'card': {
        if (message.action === 'remove') return { ...state, reader: { cardInside: null }, pinpad: { screen: 'WELCOME', prompting: false } };
        if (!state.cards.some((card) => card.id === message.card)) return `unknown card \`${message.card}\`: the tray holds debit-ok, lost-card`;
        return { ...state, reader: { cardInside: message.card ?? null }, pinpad: { screen: 'AMOUNT 12.34 / PIN: ', prompting: true } };
      }
      case 'pinpad':
        if (message.action !== 'digit') return state;
        return { ...state, pinpad: { ...state.pinpad, screen: `${state.pinpad.screen}*` } };
      case 'fault':
        if (message.params.includes('many')) return `${message.name}: ✖ a whole number → at count`;
        return {
          ...state,
          faults: { active: [...state.faults.active, message.name], armed: [] },
          network: { ...state.network, up: message.name !== 'network.drop' },
          printer: { ...state.printer, jammed: message.name === 'printer.jam' },
        };
      case 'heal':
        return { ...state, faults: { active: state.faults.active.filter((name) => name !== message.name), armed: [] }, network: { ...state.network, up: true } };
      case 'playback':
        if (message.action !== 'load') return state;
        return {
          ...state,
          playback: {
            file: message.file,
            id: 'TXN-001',
            title: 'A chip sale with PIN is approved',
            playing: false,
            next: 1,
            steps: [
              { index: 0, label: 'power_on', status: 'passed' },
              { index: 1, label: 'sign_in operator="01"', status: 'pending' },
              { index: 2, label: 'expect screen=READY', status: 'failed', message: 'expected screen shows READY, got NETWORK DOWN' },
            ],
          },
        };
      case 'unfreeze':
        return { ...state, frozen: null };
      default:
        return state;
    }
  }

  const socketHandler = socket.addEventListener('connection', ({ client }) => {
    const session = new URL(client.url).searchParams.get('session') ?? '';
    control.connections += 1;
    clients.add(client);
    client.addEventListener('close', () => clients.delete(client));
    const state = states.get(session) ?? initialState(session);
    states.set(session, state);
    send(client, { type: 'hello', state, timeline: TIMELINE, start: 0 });
    client.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ClientMessage;
      control.received.push(message);
      const next = answer(states.get(session)!, message);
      if (typeof next === 'string') return send(client, { type: 'notice', level: 'error', text: next });
      states.set(session, next);
      send(client, { type: 'state', state: next });
    });
  });

  control.drop = () => {
    for (const client of [...clients]) client.close(1012, 'mock restart');
  };

  return [
    http.get(API.faults, () => HttpResponse.json(FAULTS)),
    http.get(API.scenarios, () => HttpResponse.json(SCENARIOS)),
    http.get('/api/sessions/:id/receipts/:file', () => new HttpResponse(RECEIPT_PNG, { headers: { 'Content-Type': 'image/png' } })),
    socketHandler,
  ];
}
