/** Text drawing of circuits: one wire per qubit, operations packed into columns. */
import type { Circuit } from './circuit.js';
import { getGate } from './gates.js';
import type { Operation } from './operation.js';
import type { Param } from './param.js';

interface Cell {
  readonly rows: Map<number, string>;
  readonly span: readonly [number, number];
}

/** Formats an angle, writing simple multiples of π symbolically. */
export function formatAngle(p: Param): string {
  if (!p.isConstant) return p.toString();
  const v = p.constant;
  if (v === 0) return '0';
  for (const d of [1, 2, 3, 4, 6, 8, 16]) {
    const k = (v * d) / Math.PI;
    if (Math.abs(k - Math.round(k)) < 1e-12 && Math.round(k) !== 0) {
      const n = Math.round(k);
      const num = n === 1 ? 'π' : n === -1 ? '-π' : `${n}π`;
      return d === 1 ? num : `${num}/${d}`;
    }
  }
  return Number(v.toPrecision(4)).toString();
}

function label(op: Operation): Cell {
  const rows = new Map<number, string>();
  const cond = op.kind !== 'barrier' && op.condition ? ` if c${op.condition.clbits.join('')}=${op.condition.value}` : '';
  switch (op.kind) {
    case 'measure':
      rows.set(op.qubit, `M→c${op.clbit}${cond}`);
      return { rows, span: [op.qubit, op.qubit] };
    case 'reset':
      rows.set(op.qubit, `|0⟩${cond}`);
      return { rows, span: [op.qubit, op.qubit] };
    case 'barrier':
      for (const q of op.qubits) rows.set(q, '░');
      return { rows, span: [Math.min(...op.qubits), Math.max(...op.qubits)] };
    case 'gate': {
      const def = getGate(op.name);
      const params = op.params.length ? `(${op.params.map(formatAngle).join(',')})` : '';
      const qs = op.qubits;
      if (op.name === 'swap' || op.name === 'cswap') {
        qs.forEach((q, i) => rows.set(q, i < def.controls ? '■' : '╳'));
      } else if (def.controls > 0) {
        const targetName = op.name === 'cp' || op.name === 'cu1' ? 'P' : op.name.slice(def.controls).toUpperCase();
        qs.forEach((q, i) => rows.set(q, i < def.controls ? '■' : `${targetName}${params}${cond}`));
        if (op.name === 'cz') rows.set(qs[1] as number, '■');
      } else if (qs.length === 1) {
        rows.set(qs[0] as number, `${op.name.toUpperCase()}${params}${cond}`);
      } else {
        qs.forEach((q, i) => rows.set(q, `${op.name.toUpperCase()}${params}${cond}:${i}`));
      }
      return { rows, span: [Math.min(...qs), Math.max(...qs)] };
    }
  }
}

/** Renders a circuit as text; long circuits are folded at `maxWidth` characters. */
export function drawCircuit(circuit: Circuit, options: { maxWidth?: number } = {}): string {
  const n = circuit.numQubits;
  if (n === 0) return '(empty circuit)';
  const maxWidth = options.maxWidth ?? 100;
  const columns: Cell[][] = [];
  const nextFree = new Int32Array(n);
  for (const op of circuit.ops) {
    const cell = label(op);
    const [lo, hi] = cell.span;
    let col = 0;
    for (let q = lo; q <= hi; q++) col = Math.max(col, nextFree[q] as number);
    for (let q = lo; q <= hi; q++) nextFree[q] = col + 1;
    (columns[col] ??= []).push(cell);
  }
  const names = Array.from({ length: n }, (_, q) => `q${q}: `);
  const nameWidth = Math.max(...names.map((s) => s.length));
  const wires: string[][] = Array.from({ length: n }, () => []);
  const gaps: string[][] = Array.from({ length: n }, () => []);
  for (const column of columns) {
    let width = 1;
    for (const cell of column) for (const text of cell.rows.values()) width = Math.max(width, [...text].length);
    width += 2;
    for (let q = 0; q < n; q++) {
      let wire = '─'.repeat(width);
      let gap = ' '.repeat(width);
      for (const cell of column) {
        const text = cell.rows.get(q);
        const [lo, hi] = cell.span;
        const mid = Math.floor(width / 2);
        if (text !== undefined) {
          const len = [...text].length;
          const left = Math.floor((width - len) / 2);
          wire = '─'.repeat(left) + text + '─'.repeat(width - len - left);
        } else if (q > lo && q < hi) {
          wire = '─'.repeat(mid) + '┼' + '─'.repeat(width - mid - 1);
        }
        if (q >= lo && q < hi) gap = ' '.repeat(mid) + '│' + ' '.repeat(width - mid - 1);
      }
      (wires[q] as string[]).push(wire);
      (gaps[q] as string[]).push(gap);
    }
  }
  // Fold into pages no wider than maxWidth.
  const pages: number[][] = [];
  let current: number[] = [];
  let used = nameWidth;
  columns.forEach((_, c) => {
    const w = [...((wires[0] as string[])[c] as string)].length;
    if (current.length > 0 && used + w > maxWidth) {
      pages.push(current);
      current = [];
      used = nameWidth;
    }
    current.push(c);
    used += w;
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);
  const out: string[] = [];
  pages.forEach((page, p) => {
    if (p > 0) out.push('');
    for (let q = 0; q < n; q++) {
      out.push((names[q] as string).padStart(nameWidth) + page.map((c) => (wires[q] as string[])[c]).join('') + '─');
      if (q < n - 1) out.push(' '.repeat(nameWidth) + page.map((c) => (gaps[q] as string[])[c]).join(''));
    }
  });
  if (circuit.numClbits > 0) out.push(`${' '.repeat(nameWidth)}(${circuit.numClbits} classical bit${circuit.numClbits > 1 ? 's' : ''})`);
  return out.join('\n');
}
