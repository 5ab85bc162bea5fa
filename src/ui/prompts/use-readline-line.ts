import { useEffect, useRef } from '@inquirer/core';

/**
 * Calls `onLine` with each line readline completes. Readline's own `line` event, rather
 * than our reading Enter keys, is what agrees with readline about pasted CR LF pairs
 * (one line, not two) and about what the finished line holds.
 */
export function useReadlineLine(onLine: (line: string) => void): void {
  const latest = useRef(onLine);
  latest.current = onLine;

  useEffect((rl) => {
    const listener = (line: unknown) => latest.current(String(line));
    rl.on('line', listener);
    return () => rl.removeListener('line', listener);
  }, []);
}
