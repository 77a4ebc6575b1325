import { describe, expect, it } from 'vitest';
import { LinkBench } from './testing/link-bench.ts';
import { networkDropResponses } from './network-drop-responses.ts';

describe('network.drop_responses', () => {
  it('loses the first `count` answers while requests get through', async () => {
    const bench = new LinkBench();
    networkDropResponses.apply(bench.targets(), networkDropResponses.params.parse({ count: '1' }));
    bench.send('0200', '000001');
    bench.send('0200', '000002');
    await bench.run();
    expect(bench.atHost).toHaveLength(2);
    expect(bench.atTerminal.map((a) => a.message?.fields[11])).toEqual(['000002']);
    expect(bench.network.messages().map((m) => m.verdict)).toEqual(['passed', 'passed', 'dropped', 'passed']);
  });
});
