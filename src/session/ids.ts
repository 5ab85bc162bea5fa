/**
 * Session ids sort by time and are short to type: `20261127-213005-k3f9`
 * (UTC, so the order holds across time zones and DST changes).
 */
export function newSessionId(nowMs: number, random: () => number = Math.random): string {
  const iso = new Date(nowMs).toISOString(); // 2026-11-27T21:30:05.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  const suffix = Array.from({ length: 4 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');
  return `${stamp}-${suffix}`;
}

export const SESSION_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-z]{4}$/;
