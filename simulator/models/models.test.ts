import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, findTerminalModel, terminalModels } from './models.ts';

describe('terminal models', () => {
  it('have unique ids and include the default', () => {
    expect(new Set(terminalModels.map((m) => m.id)).size).toBe(terminalModels.length);
    expect(findTerminalModel(DEFAULT_MODEL_ID)).toBeDefined();
    expect(findTerminalModel('no-such-model')).toBeUndefined();
  });

  it('pair paper width, dots and font-A columns as 203 dpi printers do', () => {
    for (const { printer } of terminalModels) {
      expect(printer.widthDots).toBe(printer.paperMm === 58 ? 384 : 576);
      expect(printer.columns).toBe(printer.widthDots / 12);
    }
  });

  it('offer both a basic and a contactless model with a built-in pad', () => {
    expect(terminalModels.some((m) => !m.contactless && m.pinpad === 'external')).toBe(true);
    expect(terminalModels.some((m) => m.contactless && m.pinpad === 'built-in')).toBe(true);
  });
});
