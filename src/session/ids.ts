const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Session ids sort by time and are short to type: `20261127-213005-rsk3`
 * (UTC, so the order holds across time zones and DST changes).
 *
 * The four-character suffix is the millisecond within the second in two
 * base-36 digits (000-999 fits in 36^2 = 1296), then two random characters.
 * Two sessions started in the same second therefore still sort in the order
 * they started (history, `latest` and the review replay all order by id);
 * only two started in the same millisecond fall back to the random part.
 */
export function newSessionId(nowMs: number, random: () => number = Math.random): string {
  const iso = new Date(nowMs).toISOString(); // 2026-11-27T21:30:05.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  const millisecond = Number(iso.slice(20, 23));
  const ordered = millisecond.toString(36).padStart(2, '0');
  const randomPart = Array.from({ length: 2 }, () => BASE36[Math.floor(random() * 36)]).join('');
  return `${stamp}-${ordered}${randomPart}`;
}

export const SESSION_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-z]{4}$/;
