import { useEffect, useRef, useState } from '@inquirer/core';

/**
 * Re-renders the prompt once a second (so a header can show live timers) and calls
 * `onSecond` each time, e.g. to submit when a deadline has passed.
 */
export function useEverySecond(onSecond: () => void): void {
  // The interval is set up once, so it reads the handler of the latest render through a ref;
  // a captured handler would see the state of the first render forever.
  const latest = useRef(onSecond);
  latest.current = onSecond;
  const [, setTick] = useState(0);

  useEffect(() => {
    // useState's setter takes a value, not an updater, so the count lives here.
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      setTick(tick);
      latest.current();
    }, 1000);
    return () => clearInterval(timer);
  }, []);
}
