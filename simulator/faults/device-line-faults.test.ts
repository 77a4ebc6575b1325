import { describe, expect, it } from 'vitest';
import { cardReaderGarbled, cardReaderSilent, pinpadGarbled, pinpadSilent } from './device-line-faults.ts';
import { deviceLine } from './testing/device-line.ts';
import { LinkBench } from './testing/link-bench.ts';

describe.each([
  ['pinpad', pinpadSilent, pinpadGarbled],
  ['reader', cardReaderSilent, cardReaderGarbled],
] as const)('%s line faults', (device, silent, garbled) => {
  it('silent: the device answers nothing until healed', () => {
    const targets = new LinkBench().targets();
    const line = deviceLine(targets[device]);
    expect(line.ask('S').map((item) => item.kind)).toContain('frame');
    const heal = silent.apply(targets, {});
    expect(line.ask('S')).toEqual([]);
    heal();
    expect(line.ask('S').map((item) => item.kind)).toContain('frame');
  });

  it('garbled: every frame it sends fails its checksum until healed', () => {
    const targets = new LinkBench().targets();
    const line = deviceLine(targets[device]);
    const heal = garbled.apply(targets, {});
    const answer = line.ask('S');
    expect(answer.map((item) => item.kind)).toContain('bad-frame');
    expect(answer.map((item) => item.kind)).not.toContain('frame');
    heal();
    expect(line.nak().map((item) => item.kind)).toEqual(['frame']);
  });
});
