import { describe, expect, it } from 'vitest';
import { TerminalConsole } from './terminal-console.ts';

describe('TerminalConsole', () => {
  it('clips to the 20×4 glass and reports only screens that change what a cashier sees', () => {
    const events: string[] = [];
    const console = new TerminalConsole((_source, kind, detail) => events.push(`${kind}:${String(detail?.text ?? detail?.key)}`));
    const menu = { lines: ['READY     OPER 01', '1 SALE', '9 SIGN OUT', 'a line too many', 'and another'], awaiting: 'person' as const };
    console.show(menu);
    console.show(menu);
    console.show({ ...menu, awaiting: 'nothing' });
    console.show({ lines: ['A VERY LONG LINE THAT DOES NOT FIT'], awaiting: 'person' });
    expect(console.lines).toEqual(['A VERY LONG LINE THA']);
    expect(events).toEqual([
      'screen:READY     OPER 01 | 1 SALE | 9 SIGN OUT | a line too many',
      'screen:READY     OPER 01 | 1 SALE | 9 SIGN OUT | a line too many',
      'screen:A VERY LONG LINE THA',
    ]);
    expect(console.history()).toHaveLength(3);
  });
});
