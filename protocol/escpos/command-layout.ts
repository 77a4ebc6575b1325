/**
 * How many argument bytes follow a command's prefix, as data. Most ESC/POS commands take a
 * fixed count; images, symbols and graphics carry their own lengths (little-endian counts,
 * width × height areas) or end with NUL. A parser asks `argumentsComplete` after each byte.
 */

/** A little-endian unsigned number of `size` bytes at argument index `at`. */
export interface LengthField {
  readonly at: number;
  readonly size: 1 | 2 | 4;
}

export type ArgLayout =
  | { readonly kind: 'fixed'; readonly count: number }
  /** `header` bytes (which hold the factors), then the product of the factors × `unit` bytes. */
  | { readonly kind: 'sized'; readonly header: number; readonly factors: readonly LengthField[]; readonly unit: number }
  /** `after` bytes, then bytes up to and including NUL, or `max` of them at most. */
  | { readonly kind: 'nul-terminated'; readonly after: number; readonly max: number }
  /** The first argument byte chooses the layout of all the arguments (itself included). */
  | {
      readonly kind: 'by-first';
      readonly cases: readonly { readonly values: readonly number[]; readonly layout: ArgLayout }[];
      readonly otherwise: ArgLayout;
    };

export const fixed = (count: number): ArgLayout => ({ kind: 'fixed', count });

/** pL pH (or p1..p4) then that many bytes: the `GS ( x` and `GS 8 L` families. */
export const counted = (size: 2 | 4): ArgLayout => ({ kind: 'sized', header: size, factors: [{ at: 0, size }], unit: 1 });

export function readLength(args: readonly number[], field: LengthField): number {
  let value = 0;
  for (let i = field.size - 1; i >= 0; i--) value = value * 256 + args[field.at + i]!;
  return value;
}

/** True once `args` holds every argument byte the layout asks for. */
export function argumentsComplete(layout: ArgLayout, args: readonly number[]): boolean {
  switch (layout.kind) {
    case 'fixed':
      return args.length >= layout.count;
    case 'sized': {
      if (args.length < layout.header) return false;
      const body = layout.factors.reduce((product, field) => product * readLength(args, field), layout.unit);
      return args.length >= layout.header + body;
    }
    case 'nul-terminated':
      if (args.length <= layout.after) return false;
      return args.at(-1) === 0 || args.length >= layout.after + layout.max;
    case 'by-first': {
      if (args.length === 0) return false;
      const chosen = layout.cases.find((c) => c.values.includes(args[0]!))?.layout ?? layout.otherwise;
      return argumentsComplete(chosen, args);
    }
  }
}
