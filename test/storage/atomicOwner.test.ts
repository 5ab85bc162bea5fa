import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveLinks, SHELL_FILE_MODE, writeFileAtomic } from '../../src/storage/atomicFile.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'atomic-owner-'));
const NOBODY = 65534;

describe('a replaced file keeps its owner and group (as root) as well as its mode', () => {
  test.each([
    [NOBODY, NOBODY, 0o600],
    [NOBODY, 0, 0o640],
    [0, NOBODY, 0o660],
    [NOBODY, NOBODY, 0o2755],
  ])('uid %i gid %i mode %o', (uid, gid, mode) => {
    if (process.getuid?.() !== 0) throw new Error('giving a file to another user needs root (as in CI containers)');
    const path = join(tempDir(), 'out.json');
    writeFileSync(path, 'old');
    chownSync(path, uid, gid);
    // chmod after chown: chown clears set-group-ID, as it does on the temp file.
    chmodSync(path, mode);
    writeFileAtomic(path, 'new', SHELL_FILE_MODE);
    const after = statSync(path);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([uid, gid, mode]);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  test('a new file is this process user\'s', () => {
    const path = join(tempDir(), 'new.json');
    writeFileAtomic(path, 'new', SHELL_FILE_MODE);
    expect(statSync(path).uid).toBe(process.getuid?.());
  });
});

describe('resolveLinks: the file at the end of a chain of links, so a write goes through them', () => {
  test('a plain file or a missing path is itself', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a'), 'x');
    expect(resolveLinks(join(dir, 'a'))).toBe(join(dir, 'a'));
    expect(resolveLinks(join(dir, 'missing'))).toBe(join(dir, 'missing'));
  });

  test('relative and absolute links, chained, and a dangling one resolve to their final target', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dot'));
    writeFileSync(join(dir, 'dot', 'config.yaml'), 'x');
    symlinkSync('../dot/config.yaml', join(dir, 'dot', 'rel'));
    mkdirSync(join(dir, 'h'));
    symlinkSync('../dot/rel', join(dir, 'h', 'config.yaml'));
    expect(resolveLinks(join(dir, 'h', 'config.yaml'))).toBe(join(dir, 'dot', 'config.yaml'));
    symlinkSync(join(dir, 'dot', 'gone.yaml'), join(dir, 'h', 'dangling'));
    expect(resolveLinks(join(dir, 'h', 'dangling'))).toBe(join(dir, 'dot', 'gone.yaml'));
    expect(readlinkSync(join(dir, 'h', 'dangling'))).toBe(join(dir, 'dot', 'gone.yaml'));
  });

  test('a loop throws ELOOP, as the kernel would', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(() => resolveLinks(join(dir, 'a'))).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });
});
