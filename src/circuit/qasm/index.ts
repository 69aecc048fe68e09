/**
 * OpenQASM 2.0 / 3 import and export. Imported programs become {@link Circuit}s of library
 * gates (user gate definitions are expanded); exports re-import to the same operations.
 */
export { parseQasm, parseQasm2, parseQasm3, type QasmParseOptions, type IncludeResolver } from './import.js';
export { toQasm2, toQasm3 } from './export.js';
