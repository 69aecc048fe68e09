/** Writes a file atomically (temporary file + rename), so an interrupted run never leaves half a file. */
import { renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';

export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${(err as Error).message}`, 'FILE');
  }
}
