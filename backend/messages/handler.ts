import type { Clock } from '../../platform/clock.ts';
import type { RetailMacKey } from '../../protocol/crypto/retail-mac.ts';
import type { Random } from '../../platform/random.ts';
import type { Dialect, IsoMessage, MessageHeader } from '../../protocol/iso8583/types.ts';
import type { CardTokens } from '../issuer/card-tokens.ts';
import type { LocalMasterKey } from '../keys/local-master-key.ts';
import type { WorkingKeyRing } from '../keys/working-key-ring.ts';
import type { ResponseCode } from '../response-codes.ts';
import type { HostStore } from '../store/host-store.ts';

/** A new financial request as risk control sees it: the card as token and mask only. */
export interface ScreenedRequest {
  readonly terminalId: string;
  /** Field 42 as sent, which may differ from the terminal's own merchant. */
  readonly merchantId: string;
  readonly batch: string;
  readonly stan: string;
  readonly panToken: string;
  readonly panMasked: string;
  /** Field 59 as sent. */
  readonly location: string | undefined;
}

/**
 * Checked for every new financial request once its MAC verifies, before the merchant check
 * and the issuer, inside the request's store transaction. A code refuses the request: it is
 * journaled as declined with that code and moves no money.
 */
export type RequestScreen = (request: ScreenedRequest) => { readonly code: ResponseCode | undefined };

/** Everything a message handler may use; handlers hold no state of their own. */
export interface HostContext {
  readonly store: HostStore;
  readonly lmk: LocalMasterKey;
  readonly tokens: CardTokens;
  /** Working keys of the current sign-ins, opened once per sign-in (memory only). */
  readonly workingKeys: WorkingKeyRing;
  readonly clock: Clock;
  /** Working keys come from here, so adding a reference number never changes a key. */
  readonly keyRandom: Random;
  /** Retrieval reference numbers and authorisation codes. */
  readonly referenceRandom: Random;
  readonly dialect: Dialect;
  readonly institutionId: string;
  /** The host's local time zone for fields 12 and 13 and the expiry check. */
  readonly utcOffsetMinutes: number;
  readonly screen: RequestScreen | undefined;
  readonly issuerMasterKey: Uint8Array | undefined;
}

/** A request that unpacked cleanly, with the bytes it came in so its MAC can be checked. */
export interface InboundRequest {
  readonly header: MessageHeader;
  /** For a repeat, `mti` is already the original's (0201 arrives as 0200). */
  readonly message: IsoMessage;
  readonly bytes: Uint8Array;
  /** The MTI ended in 1: the terminal repeats a request whose answer did not come. */
  readonly repeat: boolean;
}

export interface HandlerAnswer {
  /** The answer without field 64; the host packs it, with the request's header turned round. */
  readonly message: IsoMessage;
  /** When present, the host adds field 64 computed under this MAC working key. */
  readonly macKey?: RetailMacKey;
  /** A slow issuer: the answer, already booked, leaves this long after the request (host clock). */
  readonly delayMs?: number;
}

/** One per request MTI: reads the request, does the work in the store, says what to answer. */
export type MessageHandler = (request: InboundRequest, context: HostContext) => HandlerAnswer;
