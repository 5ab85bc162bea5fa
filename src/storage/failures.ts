import { UserError } from '../errors.js';

/**
 * Turns what SQLite and the file system throw into one line naming the path.
 * Codes are SQLite's primary result codes as better-sqlite3 reports them
 * (`SqliteError.code`, e.g. `SQLITE_FULL`, `SQLITE_IOERR_WRITE`), or Node's
 * errno codes for the folder itself. Anything else is returned unchanged: a bug.
 */
export class StorageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

/** What to do about a damaged database; shared by the open-time check and `coach doctor`. */
export function restoreAdvice(): string {
  return `it is left untouched; restore a backup over it (coach backup FILE makes one) or move it aside to start afresh`;
}

export function describeStorageFailure(error: unknown, path: string): Error {
  if (error instanceof UserError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code.startsWith('SQLITE_IOERR') && /disk|space|full/i.test(String((error as Error).message)))) {
    return new StorageError(`${path}: the disk is full; nothing from this step was saved, everything saved before is intact (free some space and try again)`);
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new StorageError(`${path}: locked by another coach process for too long; try again when it has finished`);
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new StorageError(`${path}: the database is damaged (${(error as Error).message}); ${restoreAdvice()}`);
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StorageError(`${path}: read-only, so nothing can be saved (make the data folder writable, or set COACH_HOME to another folder)`);
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_')) {
    return new StorageError(`${path}: cannot be opened (${(error as Error).message})`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StorageError(`${path}: a read or write failed (${(error as Error).message}); nothing from this step was saved`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
