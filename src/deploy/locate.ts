/**
 * Maps a field path (`parties[2].trust`) back to its line and column in the YAML text, so that
 * validation errors can say where the offending field is, not only what it is called.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { FieldIssue } from './structure.js';

/** A 1-based source position. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/** An object that answers "where is this path?" for one YAML text. */
export interface Locator {
  locate(path: readonly (string | number)[]): YamlPosition | undefined;
}

/** Builds a locator for `text`; the deepest existing node on the path is reported. */
export function yamlLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return {
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return undefined;
    },
  };
}

/** Appends `(line L, column C)` to each issue whose path can be located. */
export function withPositions(issues: readonly FieldIssue[], locator: Locator | undefined, file?: string): FieldIssue[] {
  if (!locator) return [...issues];
  return issues.map((issue) => {
    const pos = locator.locate(issue.path);
    if (!pos) return issue;
    const where = `${file ? `${file}:` : 'line '}${pos.line}:${pos.column}`;
    return { path: issue.path, message: `${issue.message} (${where})` };
  });
}


