/**
 * The HTML report builds markup only through the `html` tag below: every
 * interpolated value is escaped by `escapeHtml` unless it is already `Markup`
 * made by the tag itself. So user, topic and model text can never become
 * markup, however a renderer is written.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escaping function of the HTML report, safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Trusted markup. Not exported as a class, so nothing outside this file can wrap a raw string. */
class TrustedMarkup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
export type Markup = TrustedMarkup;

export type Interpolation = Markup | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof TrustedMarkup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, every `${value}` is escaped unless it is Markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0]!;
  values.forEach((value, index) => (out += render(value) + strings[index + 1]!));
  return new TrustedMarkup(out);
}
