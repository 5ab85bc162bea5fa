/**
 * Words for a file-system error, fit for `…: cannot be read (WORDS)`: the
 * common errno codes are said in words ("permission denied", "a symbolic link
 * loop"); any other code is shown as is, and an error without a code by its message.
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'ENOTDIR':
      return 'part of its path is a file, not a folder';
    case 'ENOENT':
      return 'it does not exist';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'an input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EISDIR':
      return 'a folder';
    case 'EROFS':
      return 'a read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EBUSY':
      return 'in use';
    case 'EEXIST':
      return 'it already exists';
    case undefined:
      return error instanceof Error ? error.message : String(error);
    default:
      return code;
  }
}
