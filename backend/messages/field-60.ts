/**
 * Field 60, reserved private: 60.1 message type code (n2), 60.2 batch number (n6), 60.3
 * network management code (n3). Terminals may send only the first parts.
 */
export interface Field60 {
  readonly messageType: string;
  readonly batch: string | undefined;
  readonly networkCode: string | undefined;
}

export function readField60(value: unknown): Field60 | undefined {
  if (typeof value !== 'string' || value.length < 2) return undefined;
  return {
    messageType: value.slice(0, 2),
    batch: value.length >= 8 ? value.slice(2, 8) : undefined,
    networkCode: networkCodeOf(value),
  };
}

/** 60.1 alone, for routing, which reads one part of every request's field 60 and needs no `Field60`. */
export function messageTypeOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 2 ? value.slice(0, 2) : undefined;
}

/** 60.3 alone, as `messageTypeOf`. */
export function networkCodeOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 11 ? value.slice(8, 11) : undefined;
}

export function field60(messageType: string, batch: string, networkCode: string): string {
  return `${messageType}${batch}${networkCode}`;
}
