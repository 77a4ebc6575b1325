import type { ByteLink } from '../platform/byte-link.ts';
import { LinkDownError, PoslabError } from '../platform/errors.ts';
import type { EventSink } from '../platform/events.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../protocol/framing/length-prefixed.ts';

/**
 * Serves one connection: length frames in, one answer frame out per request. Whatever the peer
 * sends, nothing throws out of the link's listener: a frame length the decoder cannot trust
 * resets this connection's buffer, a failure while answering is reported and that frame
 * dropped, and an answer for a link that went down is let go. Other connections never notice.
 */
export function serveLink(link: ByteLink, handle: (frame: Uint8Array) => Uint8Array | undefined, events: EventSink): () => void {
  let decoder = new LengthFrameDecoder();

  const onData = (chunk: Uint8Array) => {
    let frames: Uint8Array[];
    try {
      frames = decoder.push(chunk);
    } catch (error) {
      events('host', 'frame-error', { code: codeOf(error) });
      decoder = new LengthFrameDecoder();
      return;
    }
    for (const frame of frames) answer(frame);
  };

  const answer = (frame: Uint8Array) => {
    try {
      const reply = handle(frame);
      if (reply !== undefined && link.up) link.write(encodeLengthFrame(reply));
    } catch (error) {
      // The link went down between the check and the write: the terminal will time out and reverse.
      if (error instanceof LinkDownError) return;
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
  };
}

function codeOf(error: unknown): string {
  return error instanceof PoslabError ? error.code : 'UNEXPECTED';
}
