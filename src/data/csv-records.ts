/**
 * Splits delimited text into records of fields, remembering where each field starts so that
 * errors can point at line and column. Handles RFC 4180 quoting ("a,b" and "" inside quotes),
 * CRLF line ends, blank lines (skipped) and whole-line comments.
 */
import { ParseError } from '../core/errors.js';

/** One field and the 1-based line and column where it starts. */
export interface CsvField {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

/** One record (row of fields) and the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

/** How to split: the delimiter, an optional comment prefix, and a file name for errors. */
export interface CsvSplitOptions {
  readonly delimiter: string;
  readonly comment?: string;
  readonly file?: string;
}

/** Splits `text` into records; throws ParseError for a stray or unterminated quote. */
export function splitCsvRecords(text: string, options: CsvSplitOptions): CsvRecord[] {
  const { delimiter, comment, file } = options;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new ParseError(`delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`, { ...(file !== undefined ? { file } : {}), line: 1, column: 1 }, 'CSV_OPTIONS');
  }
  const records: CsvRecord[] = [];
  const where = (line: number, column: number) => ({ ...(file !== undefined ? { file } : {}), line, column });
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const len = text.length;
  if (text.charCodeAt(0) === 0xfeff) {
    pos = 1;
    lineStart = 1;
  }
  while (pos < len) {
    // At the start of a line: skip blank and comment lines.
    const eol = findLineEnd(text, pos);
    const rawLine = text.slice(pos, eol);
    if (rawLine.trim() === '' || (comment !== undefined && comment !== '' && rawLine.startsWith(comment))) {
      pos = skipLineBreak(text, eol);
      line++;
      lineStart = pos;
      continue;
    }
    const recordLine = line;
    const fields: CsvField[] = [];
    for (;;) {
      const fieldLine = line;
      const fieldColumn = pos - lineStart + 1;
      let value: string;
      if (text[pos] === '"') {
        let out = '';
        let i = pos + 1;
        for (;;) {
          if (i >= len) throw new ParseError('unterminated quoted field', where(fieldLine, fieldColumn), 'CSV_QUOTE');
          const ch = text[i] as string;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              out += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') {
            line++;
            lineStart = i + 1;
          }
          out += ch;
          i++;
        }
        if (i < len && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          throw new ParseError(`unexpected ${JSON.stringify(text[i])} after a closing quote (expected the delimiter or the end of the line)`, where(line, i - lineStart + 1), 'CSV_QUOTE');
        }
        value = out;
        pos = i;
      } else {
        let i = pos;
        while (i < len && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') {
            throw new ParseError('a quote inside an unquoted field (quote the whole field and double the quote)', where(line, i - lineStart + 1), 'CSV_QUOTE');
          }
          i++;
        }
        value = text.slice(pos, i);
        pos = i;
      }
      fields.push({ value, line: fieldLine, column: fieldColumn });
      if (pos < len && text[pos] === delimiter) {
        pos++;
        continue;
      }
      break;
    }
    records.push({ line: recordLine, fields });
    pos = skipLineBreak(text, pos);
    line++;
    lineStart = pos;
  }
  return records;
}

function findLineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function skipLineBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  if (text[at] === '\r' || text[at] === '\n') return at + 1;
  return at;
}
