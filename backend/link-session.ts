import type { ByteLink } from '../platform/byte-link.ts';
import type { Clock, Timer } from '../platform/clock.ts';
import { LinkDownError, PoslabError } from '../platform/errors.ts';
import type { EventSink } from '../platform/events.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';
import type { Reply } from './messages/exchange.ts';

/**
 * Serves one connection: length frames in, one answer frame out per request. Whatever the peer
 * sends, nothing throws out of the link's listener: a frame length the decoder cannot trust
 * resets this connection's buffer, a failure while answering is reported and that frame
 * dropped, and an answer for a link that went down is let go. Other connections never notice.
 * An answer with a delay (a slow issuer) waits on the clock while every other request, on this
 * link or another, is answered as it comes.
 */
export function serveLink(link: ByteLink, handle: (frame: Uint8Array) => Reply | undefined, events: EventSink, clock: Clock): () => void {
  let decoder = new LengthFrameDecoder();
  const waiting = new Set<Timer>();

  // Each request is answered as the decoder reaches it, straight from the decoder's buffer: the
  // host is done with a request's bytes when `handle` returns, so no frame is copied.
  const onData = (chunk: Uint8Array) => {
    try {
      decoder.eachFrame(chunk, answer);
    } catch (error) {
      events('host', 'frame-error', { code: codeOf(error) });
      decoder = new LengthFrameDecoder();
    }
  };

  const send = (bytes: Uint8Array) => {
    try {
      if (link.up) link.write(encodeLengthFrame(bytes));
    } catch (error) {
      // The link went down between the check and the write: the terminal will time out and reverse.
      if (!(error instanceof LinkDownError)) throw error;
    }
  };

  const answer = (frame: Uint8Array) => {
    try {
      const reply = handle(frame);
      if (reply === undefined) return;
      if (reply.delayMs <= 0) {
        send(reply.bytes);
        return;
      }
      const timer = clock.setTimeout(() => {
        waiting.delete(timer);
        send(reply.bytes);
      }, reply.delayMs);
      waiting.add(timer);
    } catch (error) {
      events('host', 'error', { code: codeOf(error) });
    }
  };

  const stopData = link.onData(onData);
  // A link that drops loses whatever half frame was on the wire; it may come up again (a fault
  // that heals), so it stays served until detached.
  const stopStatus = link.onStatus((up) => {
    if (!up) decoder = new LengthFrameDecoder();
  });
  return () => {
    stopData();
    stopStatus();
    for (const timer of waiting) clock.clearTimeout(timer);
    waiting.clear();
  };
}

function codeOf(error: unknown): string {
  return error instanceof PoslabError ? error.code : 'UNEXPECTED';
}
