/**
 * Text as bytes a GB18030 receipt printer prints: ASCII as is; other characters Windows-1252
 * has (é, £, €...) as one byte from code table 16; everything else (Chinese above all) as
 * GB18030 in Chinese mode. The encoder switches code table and Chinese mode only when a
 * character needs it, and never assumes the printer's mode after `ESC @`, because
 * Chinese-market printers may start in Chinese mode.
 */
import { encodeCommand } from '../../protocol/escpos/commands.ts';
import { WPC1252, encodeGb18030, encodeWpc1252 } from '../../protocol/escpos/code-tables.ts';

/** What the encoder has told the printer so far; undefined = not said since ESC @. */
export interface TextMode {
  chinese: boolean | undefined;
  codeTable: number | undefined;
}

export function freshTextMode(): TextMode {
  return { chinese: undefined, codeTable: undefined };
}

const REPLACEMENT = 0x3f; // '?'

/**
 * The bytes for `text`, updating `mode` with the switches sent. Control characters, which
 * would reach the printer as commands, become '?'.
 */
export function encodeReceiptText(text: string, mode: TextMode = freshTextMode()): number[] {
  const bytes: number[] = [];
  const chinese = (on: boolean): void => {
    if (mode.chinese === on) return;
    bytes.push(...encodeCommand(on ? 'chinese-mode-on' : 'chinese-mode-off'));
    mode.chinese = on;
  };
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      bytes.push(REPLACEMENT);
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      const single = encodeWpc1252(char);
      if (single !== undefined) {
        chinese(false);
        if (mode.codeTable !== WPC1252) {
          bytes.push(...encodeCommand('code-table', WPC1252));
          mode.codeTable = WPC1252;
        }
        bytes.push(single);
      } else {
        chinese(true);
        bytes.push(...encodeGb18030(char));
      }
    }
  }
  return bytes;
}
