import { isMap, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { FaultRequest } from '../../harness/scenario/steps.ts';
import { didYouMean } from '../../harness/scenario/suggest.ts';
import { duration } from '../../harness/scenario/values.ts';
import { messageMatch } from '../../simulator/faults/message-match.ts';
import { faultUnits } from '../../simulator/faults/registry.ts';
import type { FaultInfo } from '../shared/sandbox-api.ts';
import { SandboxInputError } from './sandbox-input-error.ts';

/** A unit's example, `- fault: { name: { params…, for: 30s } }`, split into what the panel pre-fills. */
function exampleParts(name: string, example: string): { params: string; duration: string } {
  const parsed = parseDocument(example.replace(/^\s*-\s*/, '')).toJS() as unknown;
  const fault = (parsed as { fault?: Record<string, unknown> } | null)?.fault?.[name];
  // `after` and `on_message` schedule the example in its scenario; the panel has its own start choice.
  const { for: forText, after: _after, on_message: _onMessage, ...params } = (typeof fault === 'object' && fault !== null ? fault : {}) as Record<string, unknown>;
  const text = Object.keys(params).length === 0 ? '{}' : stringify(params, { flow: true }).trim();
  return { params: text, duration: forText === undefined ? '' : String(forText) };
}

/** The fault panel: every registered unit, each a button with its one-line summary. */
export function faultCatalogue(): FaultInfo[] {
  return [...faultUnits.values()].map((unit) => ({ name: unit.name, summary: unit.summary, ...exampleParts(unit.name, unit.example) }));
}

export interface FaultPanelRequest {
  readonly name: string;
  /** Parameters as a YAML map, e.g. `{ count: 1 }`. */
  readonly params: string;
  /** How long it lasts, e.g. `30s`; empty for until healed. */
  readonly for?: string;
  /** Start when a message of this MTI enters the link (e.g. `0200`), instead of now. */
  readonly on?: string;
}

/**
 * Turns what the trainer typed into the same request a scenario file makes, or a message
 * saying exactly what is wrong with it.
 */
export function parseFaultRequest({ name, params: paramsText, for: forText = '', on = '' }: FaultPanelRequest): FaultRequest {
  const unit = faultUnits.get(name);
  if (!unit) throw new SandboxInputError(`unknown fault \`${name}\`${didYouMean(name, [...faultUnits.keys()])}`);
  const doc = parseDocument(paramsText.trim() === '' ? '{}' : paramsText, { schema: 'failsafe' });
  if (doc.errors.length > 0 || !(isMap(doc.contents) || doc.contents === null)) {
    throw new SandboxInputError(`${name}: parameters are written as a map such as { count: 1 } (got \`${paramsText}\`)`);
  }
  const checked = unit.params.safeParse(doc.toJS() ?? {});
  if (!checked.success) throw new SandboxInputError(`${name}: ${z.prettifyError(checked.error).replace(/\n\s*/g, ' ')}`);
  let forMs: number | undefined;
  if (forText.trim() !== '') {
    const parsed = duration.safeParse(forText.trim());
    if (!parsed.success) throw new SandboxInputError(`${name}: for: ${parsed.error.issues[0]!.message} (got \`${forText}\`)`);
    forMs = parsed.data;
  }
  const onMessage = on.trim() === '' ? undefined : messageMatch.safeParse({ mti: on.trim() });
  if (onMessage && !onMessage.success) throw new SandboxInputError(`${name}: start on: ${onMessage.error.issues[0]!.message} (got \`${on}\`)`);
  return {
    name,
    params: checked.data,
    line: 0,
    ...(forMs === undefined ? {} : { forMs }),
    ...(onMessage ? { onMessage: onMessage.data } : {}),
  };
}
