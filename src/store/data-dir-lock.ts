/**
 * An exclusive lock on an embedded data directory. PGlite is a single-process database:
 * two processes opening the same directory would corrupt it, so the second one must fail
 * with a clear message instead. The lock is a file holding the owner's pid; a lock left by
 * a process that no longer exists (kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceError } from '../core/errors.js';

const heldInThisProcess = new Set<string>();

/** A held lock; `release()` is idempotent. */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Takes the lock of data directory `dir` (which must exist), or throws a ResourceError naming the holder. */
export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, 'lock');
  if (heldInThisProcess.has(path)) {
    throw new ResourceError(`data directory ${dir} is already open in this process`);
  }
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldInThisProcess.add(path);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          heldInThisProcess.delete(path);
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new ResourceError(
          `data directory ${dir} is in use by process ${holder} (a running \`qmlsec serve\`?). ` +
            'The embedded database allows one process at a time: stop that process, use its HTTP API, ' +
            'or share a PostgreSQL server through DATABASE_URL.',
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new ResourceError(`could not take the lock ${path}`);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
