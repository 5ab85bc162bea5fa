import type { ChalkInstance } from 'chalk';

/**
 * Styling for everything we print: a chalk instance, or `plainStyle` when
 * colour is off. Core renderers (reports) take one as a parameter; only
 * `src/ui/style.ts` creates chalk, so they never load it themselves.
 */
export type Style = ChalkInstance;

const passThrough = (...text: unknown[]) => text.join(' ');

/** A chainable pass-through with chalk's shape: every style is the identity, level 0. */
export const plainStyle: Style = new Proxy(passThrough, {
  // `then` must stay undefined, or `await createStyle(0)` would treat the proxy as a promise.
  get: (_target, property) => (property === 'then' ? undefined : property === 'level' ? 0 : plainStyle),
}) as unknown as Style;
