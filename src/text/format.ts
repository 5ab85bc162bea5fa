/**
 * Pure formatters shared by the report renderers (core) and the terminal UI, so
 * renderers never reach into ui/ for them.
 */

/** Seconds as m:ss, and h:mm:ss past an hour; negative values show as 0:00, fractions are dropped. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Points as written in reports: whole numbers as they are, halves (and other fractions) with one decimal. */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
