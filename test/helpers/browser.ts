import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './cli.js';

/**
 * Headless Chromium for the HTML report tests, from npm: `@sparticuz/chromium` ships a
 * brotli-packed chrome-headless-shell (plus fonts and SwiftShader) inside the package, so a
 * fresh `npm install` is enough. Set `COACH_TEST_CHROMIUM=/usr/bin/chromium` (any path) to use
 * another binary instead.
 *
 * The package's `executablePath()` unpacks into `os.tmpdir()` and returns early when
 * `<tmpdir>/chromium` exists — even half written by a parallel test run. So we unpack into a
 * private staging folder (TMPDIR pointed there for the call) and `rename` it into place: the
 * cache folder (~200 MB, keyed by the package version) appears complete or not at all, and a
 * second run reuses it (unpacking takes about 2 s).
 */
/** The flags we launch with: root needs `--no-sandbox`; nothing may talk to the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-pings',
];

interface Unpacked {
  executablePath: string;
  env: Record<string, string>;
}

async function unpackFromNpm(): Promise<Unpacked> {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { version: string };
  const home = join(tmpdir(), `interview-coach-chromium-${version}`);
  const fontsConf = join(home, 'fonts.conf');
  if (!existsSync(fontsConf)) {
    const staging = mkdtempSync(join(tmpdir(), 'interview-coach-chromium-staging-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const { default: Chromium } = await import('@sparticuz/chromium');
      await Chromium.executablePath();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    // The package's own fonts.conf names /tmp/fonts; ours names this folder (and system fonts, if any).
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${home}/fonts/fonts</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${home}/fonts-cache</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, home);
    } catch (error) {
      // Another run put a complete copy there first: use it and drop ours.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(fontsConf)) throw error;
    }
  }
  return { executablePath: join(home, 'chromium'), env: { FONTCONFIG_FILE: fontsConf } };
}

/** Launches headless Chromium (see the module comment for where it comes from). */
export async function launchChromium(): Promise<Browser> {
  const override = process.env.COACH_TEST_CHROMIUM;
  const { executablePath, env } = override ? { executablePath: override, env: {} } : await unpackFromNpm();
  if (!existsSync(executablePath)) throw new Error(`COACH_TEST_CHROMIUM: no browser at ${executablePath}`);
  const launchEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) launchEnv[key] = value;
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...launchEnv, ...env } });
}
