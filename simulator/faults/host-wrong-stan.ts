import { z } from 'zod';
import { rewriteFrame } from '../network/frame-rewrite.ts';
import { defineFault } from './fault.ts';
import { count } from './params.ts';

const isAnswer = (mti: string) => /^\d\d[13]\d$/.test(mti);

/**
 * The host answers with another system trace number in field 11 (a host bug, or an answer
 * meant for another request). The terminal must not take it as the answer to its request.
 * Done as a rewrite of the answer on its way, so the host itself stays correct.
 */
export const hostWrongStan = defineFault({
  name: 'host.wrong_stan',
  summary: 'The host answers with a different STAN (field 11): the terminal must ignore the answer and time out.',
  example: '- fault: { host.wrong_stan: { count: 1 } }',
  params: z.object({ count: count.optional(), offset: z.coerce.number().int().min(1).max(999_998).default(1) }).strict(),
  apply: ({ network }, { count: limit, offset }) => {
    let changed = 0;
    return network.addFrameRule((copy, view) => {
      if (view.direction !== 'to-terminal' || !isAnswer(view.mti) || (limit !== undefined && changed >= limit)) return [copy];
      const stan = view.fields['11'];
      if (stan === undefined) return [copy];
      changed += 1;
      const wrong = String(((Number(stan) - 1 + offset) % 999_999) + 1).padStart(6, '0');
      network.note('wrong-stan', { mti: view.mti, stan: wrong });
      return [{ ...copy, bytes: rewriteFrame(network.dialect, copy.bytes, (fields) => (fields[11] = wrong)) }];
    });
  },
});
