const FLAGS_WITHOUT_EFFECT_ON_VERSION = new Set(['--no-color', '--json', '--strict']);

/**
 * `coach --version` is answered before commander is even loaded: it is the
 * command scripts call most often, and PRODUCT.md holds it to 1.3x a bare node.
 */
export function isVersionRequest(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--version' || arg === '-V') && argv.every((arg) => arg === '--version' || arg === '-V' || FLAGS_WITHOUT_EFFECT_ON_VERSION.has(arg));
}
