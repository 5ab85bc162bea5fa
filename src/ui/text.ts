/** Cuts text to `width` characters, marking the cut with an ellipsis. */
export function shorten(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
