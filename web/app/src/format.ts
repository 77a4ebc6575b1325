/** Yuan with two decimals, from fen. */
export function money(minor: number): string {
  return `RMB ${(minor / 100).toFixed(2)}`;
}

/** Virtual time since the session began, as `+1:02.345`. */
export function elapsed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `+${minutes}:${seconds}`;
}

/** The terminal's local time (China Standard Time, as its host keeps it) from the virtual clock. */
export function terminalTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 10)} ${shifted.toISOString().slice(11, 19)} CST`;
}

/** What each ISO 8583 message type means, in a trainer's words. */
export const MESSAGE_TYPES: Readonly<Record<string, string>> = {
  '0100': 'authorisation request',
  '0110': 'authorisation response',
  '0200': 'sale request',
  '0210': 'sale response',
  '0220': 'advice',
  '0230': 'advice response',
  '0320': 'batch upload',
  '0330': 'batch upload response',
  '0400': 'reversal',
  '0410': 'reversal response',
  '0500': 'settlement request',
  '0510': 'settlement response',
  '0800': 'sign-in / echo',
  '0810': 'sign-in / echo response',
  '0820': 'sign-out',
  '0830': 'sign-out response',
};

/** `2=622202*********0123 3=000000 62=[redacted: 40 bytes]` as field/value pairs. */
export function messageFields(text: string): Array<{ field: string; value: string }> {
  return [...text.matchAll(/(\d+)=(.*?)(?= \d+=|$)/g)].map((match) => ({ field: match[1]!, value: match[2]!.trim() }));
}

export function faultTitle(name: string): string {
  const [device = '', what = ''] = name.split('.');
  return `${device}: ${what.replace(/_/g, ' ')}`;
}
