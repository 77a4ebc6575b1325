import type { TerminalModel } from './terminal-model.ts';

/** The terminal models poslab can emulate; a new model is one more entry. */
export const terminalModels: readonly TerminalModel[] = [
  {
    id: 'countertop-basic',
    name: 'Countertop POS, 58 mm printer, external PIN pad, no contactless',
    printer: { paperMm: 58, widthDots: 384, columns: 32 },
    pinpad: 'external',
    contactless: false,
    display: { columns: 20, rows: 4 },
    network: { kind: '4G', latencyMs: 45, jitterMs: 15 },
  },
  {
    id: 'countertop-ctls',
    name: 'Countertop POS, 80 mm printer, built-in PIN pad, contactless reader',
    printer: { paperMm: 80, widthDots: 576, columns: 48 },
    pinpad: 'built-in',
    contactless: true,
    display: { columns: 20, rows: 4 },
    network: { kind: 'ethernet', latencyMs: 8, jitterMs: 2 },
  },
];

export const DEFAULT_MODEL_ID = 'countertop-basic';

export function findTerminalModel(id: string): TerminalModel | undefined {
  return terminalModels.find((model) => model.id === id);
}
