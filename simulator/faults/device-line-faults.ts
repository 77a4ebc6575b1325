import { z } from 'zod';
import { defineFault } from './fault.ts';

/**
 * A device that hangs or whose serial line picks up noise. The PIN pad and the card reader
 * have the same two failures, so their units are declared together.
 */
export const pinpadSilent = defineFault({
  name: 'pinpad.silent',
  summary: 'The PIN pad hangs: it neither acknowledges nor answers; the terminal must time out and say so.',
  example: '- fault: { pinpad.silent: { for: 2m } }',
  params: z.object({}).strict(),
  apply: ({ pinpad }) => {
    pinpad.setSilent(true);
    return () => pinpad.setSilent(false);
  },
});

export const pinpadGarbled = defineFault({
  name: 'pinpad.garbled',
  summary: 'Noise on the PIN pad cable: every frame it sends has a bad checksum; the terminal must retry, then give up cleanly.',
  example: '- fault: { pinpad.garbled: {} }',
  params: z.object({}).strict(),
  apply: ({ pinpad }) => {
    pinpad.setGarbling(true);
    return () => pinpad.setGarbling(false);
  },
});

export const cardReaderSilent = defineFault({
  name: 'card.reader_silent',
  summary: 'The card reader hangs: cards make no impression and commands go unanswered; the terminal must not wait forever.',
  example: '- fault: { card.reader_silent: { for: 1m } }',
  params: z.object({}).strict(),
  apply: ({ reader }) => {
    reader.setSilent(true);
    return () => reader.setSilent(false);
  },
});

export const cardReaderGarbled = defineFault({
  name: 'card.reader_garbled',
  summary: 'Noise on the card reader cable: every frame it sends has a bad checksum; chip reads must fail safely.',
  example: '- fault: { card.reader_garbled: {} }',
  params: z.object({}).strict(),
  apply: ({ reader }) => {
    reader.setGarbling(true);
    return () => reader.setGarbling(false);
  },
});
