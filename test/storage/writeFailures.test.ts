import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/errors.js';
import { describeWriteFailure, notAFolderAlong } from '../../src/storage/writeFailures.js';

const fault = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('describeWriteFailure: what is wrong at the target, never the data folder', () => {
  test.each([
    ['ENOSPC', /^out\/b\.db: the disk holding \/x\/out is full; nothing was written/],
    ['EDQUOT', /the disk holding \/x\/out is full/],
    ['SQLITE_FULL', /the disk holding \/x\/out is full/],
    ['EROFS', /^out\/b\.db: \/x\/out is on a read-only file system; nothing was written$/],
    ['EACCES', /^out\/b\.db: no permission to create files in \/x\/out/],
    ['EPERM', /no permission to create files in \/x\/out/],
    ['SQLITE_READONLY', /no permission to create files in \/x\/out/],
    ['ENOENT', /^out\/b\.db: the folder \/x\/out does not exist/],
    ['ELOOP', /symbolic link loop/],
    ['EIO', /^out\/b\.db: cannot be written \(an input\/output error\); nothing was written$/],
    // A code without words of its own is named as it is.
    ['EXDEV', /^out\/b\.db: cannot be written \(EXDEV\); nothing was written$/],
  ])('%s', (code, expected) => {
    const described = describeWriteFailure(fault(code), '/x/out/b.db', 'out/b.db');
    expect(described).toBeInstanceOf(UserError);
    expect(described.message).toMatch(expected);
    expect(described.message).not.toMatch(/data folder|COACH_HOME/);
  });

  test('a UserError passes through; anything that is no file-system fault stays a bug', () => {
    const user = new UserError('x');
    expect(describeWriteFailure(user, '/a')).toBe(user);
    const bug = new TypeError('boom');
    expect(describeWriteFailure(bug, '/a')).toBe(bug);
  });
});

describe('notAFolderAlong: ENOTDIR in words, naming what is there', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'along-'));
  test('a file, a FIFO, a link loop, a dangling link along the path', () => {
    const base = dir();
    writeFileSync(join(base, 'file'), 'x');
    expect(notAFolderAlong(join(base, 'file', 'config.yaml'))).toBe(`${join(base, 'file')} is a file, not a folder`);
    expect(spawnSync('mkfifo', [join(base, 'fifo')]).status).toBe(0);
    expect(notAFolderAlong(join(base, 'fifo', 'config.yaml'))).toBe(`${join(base, 'fifo')} is a FIFO, not a folder`);
    symlinkSync(join(base, 'loop'), join(base, 'loop'));
    expect(notAFolderAlong(join(base, 'loop', 'config.yaml'))).toBe(`${join(base, 'loop')} is a symbolic link loop, not a folder`);
    symlinkSync(join(base, 'gone'), join(base, 'dangling'));
    expect(notAFolderAlong(join(base, 'dangling', 'config.yaml'))).toMatch(/dangling is a symbolic link to something that does not exist, not a folder$/);
  });

  test('folders all the way (or a missing part) is undefined', () => {
    const base = dir();
    mkdirSync(join(base, 'a', 'b'), { recursive: true });
    expect(notAFolderAlong(join(base, 'a', 'b', 'c'))).toBeUndefined();
    expect(notAFolderAlong(join(base, 'missing', 'b', 'c'))).toBeUndefined();
  });
});
