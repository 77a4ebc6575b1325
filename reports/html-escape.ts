const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted text (the report's own stylesheet and script) to be inserted as it is. */
export function raw(text: string): Html {
  return new Html(text);
}

/** A template's own indentation is for whoever reads the source, not worth bytes in every report. */
const unindent = (text: string) => text.replace(/\n[ \t]+/g, '\n');

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = unindent(strings[0]!);
  values.forEach((value, i) => {
    out += render(value) + unindent(strings[i + 1]!);
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value as string);
}
