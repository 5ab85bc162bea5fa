/**
 * Times as a person reads them: local to the machine (the TZ environment
 * variable, as every Unix tool), to the minute, with the zone named —
 * "2026-11-30 03:53 (UTC+01:00)" or "2026-11-30 02:53 (UTC)". JSON keeps ISO
 * 8601 UTC; this is for text and Markdown only.
 */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} (${zone})`;
}

/** "in 3 days", "in 5 hours", "in 20 minutes", "now": how far `targetMs` is from `nowMs`. */
export function fromNow(targetMs: number, nowMs: number): string {
  const minutes = Math.round((targetMs - nowMs) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `in ${days} day${days === 1 ? '' : 's'}`;
}
