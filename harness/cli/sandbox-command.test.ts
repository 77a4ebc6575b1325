import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxCommand } from './sandbox-command.ts';

let printed: string[];

beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void printed.push(args.join(' ')));
});

afterEach(() => vi.restoreAllMocks());

describe('poslab sandbox', () => {
  it('builds the page if needed, serves it and the API, and stops when told', async () => {
    let page = '';
    let faults: unknown[] = [];
    const command = sandboxCommand({
      until: async (url) => {
        page = await (await fetch(url)).text();
        faults = (await (await fetch(`${url}/api/faults`)).json()) as unknown[];
      },
    });
    await command.parseAsync(['--port', '0'], { from: 'user' });
    expect(page).toContain('<div id="root">');
    expect(faults.length).toBeGreaterThan(5);
    expect(printed.join('\n')).toMatch(/poslab sandbox on http:\/\/localhost:\d+/);
  });

  it('refuses a port that is not a number', async () => {
    const command = sandboxCommand().configureOutput({ writeErr: () => {} });
    await expect(command.parseAsync(['--port', 'eighty'], { from: 'user' })).rejects.toThrow(/a port number such as 5173/);
  });
});
