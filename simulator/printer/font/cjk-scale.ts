/**
 * Scales a 16x16 Unifont glyph to the printer's 24x24 two-byte cell. A plain 1.5x nearest
 * neighbour makes strokes alternately 1 and 2 dots wide. Instead the glyph is enlarged 3x
 * with Scale3x (which keeps diagonals smooth) and each 2x2 block of that becomes one dot:
 * black when both of its rows have ink. Vertical strokes come out 2 dots wide and horizontal
 * ones 1 dot tall, the look of a printer's own 24-dot Song face, and dense characters whose
 * many horizontal strokes are 1 dot apart in the source keep them apart.
 */
import type { Glyph } from './bitmap-font.ts';

function scale3x(src: Glyph): Glyph {
  const { width: w, height: h } = src;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 0 : src.dots[y * w + x]!);
  const out = new Uint8Array(w * 3 * h * 3);
  const put = (x: number, y: number, dx: number, dy: number, value: number): void => {
    out[(y * 3 + dy) * w * 3 + x * 3 + dx] = value;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [a, b, c, d, e, f, g, hh, i] = [
        at(x - 1, y - 1), at(x, y - 1), at(x + 1, y - 1),
        at(x - 1, y), at(x, y), at(x + 1, y),
        at(x - 1, y + 1), at(x, y + 1), at(x + 1, y + 1),
      ];
      let cells = [e, e, e, e, e, e, e, e, e];
      if (b !== hh && d !== f) {
        cells = [
          d === b ? d : e,
          (d === b && e !== c) || (b === f && e !== a) ? b : e,
          b === f ? f : e,
          (d === b && e !== g) || (d === hh && e !== a) ? d : e,
          e,
          (b === f && e !== i) || (hh === f && e !== c) ? f : e,
          d === hh ? d : e,
          (d === hh && e !== i) || (hh === f && e !== g) ? hh : e,
          hh === f ? f : e,
        ];
      }
      cells.forEach((value, k) => put(x, y, k % 3, Math.floor(k / 3), value));
    }
  }
  return { width: w * 3, height: h * 3, dots: out };
}

/** 16x16 → 24x24 (any even-sized square → 1.5x). */
export function scaleCjkGlyph(src: Glyph): Glyph {
  const big = scale3x(src);
  const width = big.width / 2;
  const height = big.height / 2;
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * 2 * big.width + x * 2;
      const upper = big.dots[i]! | big.dots[i + 1]!;
      const lower = big.dots[i + big.width]! | big.dots[i + big.width + 1]!;
      dots[y * width + x] = upper & lower;
    }
  }
  return { width, height, dots };
}
