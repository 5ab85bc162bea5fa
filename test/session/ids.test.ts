import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { newSessionId, SESSION_ID_PATTERN } from '../../src/session/ids.js';

describe('session ids', () => {
  test('are short to type and readable as UTC time', () => {
    const id = newSessionId(Date.UTC(2026, 10, 27, 21, 30, 5, 123), () => 0);
    expect(id).toMatch(SESSION_ID_PATTERN);
    expect(id.startsWith('20261127-213005-')).toBe(true);
  });

  test('two sessions started in the same second sort in the order they started', () => {
    const second = Date.UTC(2026, 10, 30, 6, 50, 1);
    // The first gets the largest random part, the second the smallest: time must still win.
    const first = newSessionId(second + 5, () => 0.999);
    const later = newSessionId(second + 6, () => 0);
    expect([later, first].sort()).toEqual([first, later]);
  });

  test('any two start times a millisecond or more apart sort by time, whatever the random part', () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }), fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (offset, gap, r1, r2) => {
        const a = newSessionId(start + offset, () => r1);
        const b = newSessionId(start + offset + gap, () => r2);
        expect(a < b).toBe(true);
      }),
    );
  });
});
