import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { OutputStream } from './context.js';

/**
 * True when `fd` is a regular file or a character device that is not a
 * terminal (/dev/null, /dev/full): Node writes those through one fs.writeSync
 * and ignores a short write (a nearly full disk), so such output is written
 * by fdWriter instead. Pipes, sockets and terminals stay on process.stdout.
 */
export function needsFdWriter(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() || (stats.isCharacterDevice() && !isatty(fd));
  } catch (error) {
    // A closed or unusable descriptor (EBADF): left to process.stdout, which reports it on the first write.
    return error === undefined;
  }
}

/**
 * A stream for `fd` that writes every byte before returning: fs.writeSync is
 * repeated until the whole chunk is written (a short write is retried, so is
 * EAGAIN on a non-blocking descriptor). Any other error is handed to `onError`
 * with the errno code (ENOSPC, EIO, EPIPE, …); its caller decides what the
 * failure means, usually one line on stderr and exit 1.
 * isTTY is false and columns undefined, as process.stdout says for a file.
 */
export function fdWriter(fd: number, onError: (error: NodeJS.ErrnoException) => void): OutputStream {
  let failed = false;
  return {
    isTTY: false,
    columns: undefined,
    write(chunk: string): boolean {
      if (failed) return false;
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
          failed = true;
          onError(error as NodeJS.ErrnoException);
          return false;
        }
      }
      return true;
    },
  };
}
