/**
 * Text we did not write (answers, model justifications and feedback, imported
 * files) must not reach the terminal with control characters in it: an escape
 * sequence could recolour, retitle or redraw the user's terminal. Line breaks and
 * tabs stay.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** A copy of a JSON-like value with every string passed through stripControl. */
export function stripControlDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((item) => stripControlDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, stripControlDeep(item)])) as T;
  }
  return value;
}
