import type { z } from 'zod';

type Path = (string | number)[];

/** One problem, placed: either a message for a value, or a key the schema does not know. */
export type PlacedIssue =
  | { readonly path: Path; readonly message: string }
  | { readonly path: Path; readonly unknownKey: string };

type Issue = z.core.$ZodIssue;

/** A union branch that got past the value's type explains the problem better than one that did not. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const typeMatched = branches.filter((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return [...typeMatched].sort((a, b) => a.length - b.length)[0];
}

/** What the union would have taken, when the value fits none of its forms. */
function expectedForms(branches: readonly (readonly Issue[])[]): string {
  const forms = branches.flatMap((issues) => issues.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : [])));
  return forms.length > 0 ? `expected ${[...new Set(forms)].join(' or ')}` : 'not a form this accepts';
}

/**
 * Turns zod's issues into messages a scenario author can act on: a missing field says so, a
 * bad record key gives the key's own rule, a union reports the branch the value was meant for.
 */
export function placeIssues(issues: readonly Issue[], prefix: Path = []): PlacedIssue[] {
  return issues.flatMap((issue): PlacedIssue[] => {
    const path = [...prefix, ...(issue.path as Path)];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path, unknownKey: key }));
      case 'invalid_key':
        return [{ path, message: issue.issues[0]?.message ?? issue.message }];
      case 'invalid_union': {
        const branch = bestBranch(issue.errors);
        return branch ? placeIssues(branch, path) : [{ path, message: expectedForms(issue.errors) }];
      }
      case 'invalid_type':
        if (/received undefined$/.test(issue.message)) return [{ path, message: 'required, but missing' }];
        return [{ path, message: issue.message }];
      default:
        return [{ path, message: issue.message }];
    }
  });
}
