/** File input for CLI commands: read errors become InputErrors naming the file. */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/** Reads a UTF-8 text file (or stdin for "-"), with a clear error when it cannot be read. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`, 'FILE');
  }
}
