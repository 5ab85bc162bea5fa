import { UserError } from '../errors.js';
import type { Storage } from './database.js';

/**
 * One interactive run per session: the `runs` row names the process answering
 * it. A second interactive run is refused while that process is alive; a row
 * left by a process that died (kill -9, a power cut) is taken over. Grading
 * from another process needs no claim: its rows never overlap the answers.
 */
export function claimRun(storage: Storage, sessionId: string, pid: number, isAlive: (pid: number) => boolean = processIsAlive): void {
  storage.write(() => {
    const row = storage.prepare('SELECT pid, started_at FROM runs WHERE session_id = ?').get(sessionId) as { pid: number; started_at: string } | undefined;
    if (row && row.pid !== pid && isAlive(row.pid)) {
      throw new UserError(`session ${sessionId} is already open in another coach (process ${row.pid}, since ${row.started_at}); finish or quit it there first`);
    }
    storage.prepare('INSERT INTO runs (session_id, pid, started_at) VALUES (?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET pid = excluded.pid, started_at = excluded.started_at').run(sessionId, pid, new Date().toISOString());
  });
}

export function releaseRun(storage: Storage, sessionId: string, pid: number): void {
  storage.write(() => storage.prepare('DELETE FROM runs WHERE session_id = ? AND pid = ?').run(sessionId, pid));
}

/** Signal 0 checks existence without signalling; EPERM means it exists but belongs to another user. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
