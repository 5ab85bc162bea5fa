/** Time as a port: commands ask the clock, so tests can run interviews on a fake one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
