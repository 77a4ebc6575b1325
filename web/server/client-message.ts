import { z } from 'zod';
import { TERMINAL_KEYS, type ClientMessage } from '../shared/sandbox-api.ts';
import { SandboxInputError } from './sandbox-input-error.ts';

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('key'), key: z.enum(TERMINAL_KEYS) }),
  z.object({
    type: z.literal('card'),
    action: z.enum(['insert', 'swipe', 'tap', 'remove']),
    card: z.string().max(64).optional(),
    damaged: z.boolean().optional(),
  }),
  z.object({ type: z.literal('pinpad'), action: z.enum(['digit', 'enter', 'cancel', 'clear']), digit: z.string().regex(/^\d$/).optional() }),
  z.object({
    type: z.literal('fault'),
    name: z.string().max(100),
    params: z.string().max(2000),
    for: z.string().max(40).optional(),
    on: z.string().max(10).optional(),
  }),
  z.object({ type: z.literal('heal'), name: z.string().max(100) }),
  z.object({ type: z.literal('speed'), speed: z.number().min(0.1).max(600) }),
  z.object({ type: z.literal('playback'), action: z.enum(['load', 'play', 'pause', 'step', 'stop']), file: z.string().max(500).optional() }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('unfreeze') }),
]);

/** Reads one websocket message from the browser; anything malformed is refused with a reason. */
export function parseClientMessage(raw: string): ClientMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SandboxInputError('the page sent something that is not JSON');
  }
  const parsed = clientMessage.safeParse(json);
  if (!parsed.success) throw new SandboxInputError(`the page sent a message the sandbox does not understand: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`);
  const message = parsed.data;
  if (message.type === 'pinpad' && message.action === 'digit' && message.digit === undefined) {
    throw new SandboxInputError('a PIN pad digit message needs its digit');
  }
  if (message.type === 'playback' && message.action === 'load' && message.file === undefined) {
    throw new SandboxInputError('say which scenario file to load');
  }
  return message as ClientMessage;
}
