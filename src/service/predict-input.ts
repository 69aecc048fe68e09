/**
 * Validation of a predict body `{ "inputs": [[x, …], …] }` against a model: hand-written
 * (it is the hot path) and precise — each error names the row and column. JSON cannot carry
 * NaN or Infinity, so those arrive as strings ("NaN"), nulls or overflowing literals (1e999
 * parses as Infinity): all are rejected as not finite numbers.
 */
import { HttpProblem } from './problem.js';

const MAX_LISTED_ERRORS = 10;

/**
 * Returns the validated rows; throws 422 (bad shape or values, naming `inputs[row][column]`)
 * or 413 (more rows than `maxRows`).
 */
export function parsePredictInputs(body: unknown, numFeatures: number, maxRows: number): number[][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid('the body must be a JSON object `{"inputs": [[…], …]}`', [{ path: '(root)', message: 'expected an object' }]);
  }
  const extra = Object.keys(body).filter((k) => k !== 'inputs');
  if (extra.length > 0) {
    throw invalid(`unknown field(s) ${extra.map((k) => `"${k}"`).join(', ')}; the body is {"inputs": [[…], …]}`, extra.map((k) => ({ path: k, message: 'unknown field' })));
  }
  const inputs = (body as { inputs?: unknown }).inputs;
  if (!Array.isArray(inputs)) {
    throw invalid('"inputs" must be an array of rows (arrays of numbers)', [{ path: 'inputs', message: inputs === undefined ? 'required' : 'expected an array' }]);
  }
  if (inputs.length === 0) throw invalid('"inputs" is empty: send at least one row', [{ path: 'inputs', message: 'expected at least 1 row' }]);
  if (inputs.length > maxRows) {
    throw new HttpProblem(413, 'batch-too-large', `${inputs.length} input rows exceed this server's limit of ${maxRows} rows per request; split the batch`);
  }
  const errors: { path: string; message: string }[] = [];
  for (let r = 0; r < inputs.length && errors.length < MAX_LISTED_ERRORS; r++) {
    const row = inputs[r] as unknown;
    if (!Array.isArray(row)) {
      errors.push({ path: `inputs[${r}]`, message: `expected an array of ${numFeatures} numbers, got ${describe(row)}` });
      continue;
    }
    if (row.length !== numFeatures) {
      errors.push({ path: `inputs[${r}]`, message: `expected ${numFeatures} features, got ${row.length}` });
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as unknown;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        errors.push({ path: `inputs[${r}][${c}]`, message: `expected a finite number, got ${describe(v)}` });
        if (errors.length >= MAX_LISTED_ERRORS) break;
      }
    }
  }
  if (errors.length > 0) {
    const first = errors[0] as { path: string; message: string };
    throw invalid(`invalid input at ${first.path} (row ${rowOf(first.path)}${colOf(first.path)}): ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more listed in "errors")` : ''}`, errors);
  }
  return inputs as number[][];
}

function invalid(detail: string, errors: { path: string; message: string }[]): HttpProblem {
  return new HttpProblem(422, 'invalid-input', detail, {}, errors);
}

function rowOf(path: string): string {
  return /^inputs\[(\d+)\]/.exec(path)?.[1] ?? '?';
}

function colOf(path: string): string {
  const c = /^inputs\[\d+\]\[(\d+)\]/.exec(path)?.[1];
  return c === undefined ? '' : `, column ${c}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v;
}
