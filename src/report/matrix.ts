/**
 * The kill-chain matrix with what the lab measured: one column per ATLAS tactic (in ATLAS
 * matrix order), one cell per knowledge-base technique of that tactic; a technique that a
 * scenario executed carries its measured impact (the highest over the scenarios that executed
 * it), the others are marked as not executed.
 */
import type { LabResults } from '../lab/results.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';

/** What the lab did with a technique. */
export type CellState = 'measured' | 'unmeasured' | 'not-executed';

/** One cell of the matrix. */
export interface MatrixCell {
  readonly tactic: string;
  readonly tacticId: string;
  /** Index of the tactic's column (ATLAS order). */
  readonly column: number;
  /** Position of the technique within its column. */
  readonly row: number;
  readonly technique: string;
  readonly name: string;
  /** `measured`: a finite impact; `unmeasured`: executed (or attempted) but no impact. */
  readonly state: CellState;
  /** Measured impact 0..1 (`null` unless measured). */
  readonly impact: number | null;
  /** Scenarios that executed the technique. */
  readonly scenarios: readonly string[];
}

/** A technique the lab executed, with its measured impact. */
export interface ExecutedTechnique {
  readonly technique: string;
  /** Name from the knowledge base, when it has the technique. */
  readonly name?: string;
  readonly impact: number | null;
  readonly scenarios: readonly string[];
}

/** The matrix: its columns (every tactic of the knowledge base) and cells. */
export interface KillChainMatrix {
  readonly tactics: readonly { readonly id: string; readonly name: string }[];
  readonly cells: readonly MatrixCell[];
  /** Executed techniques that are not QML techniques of the knowledge base (e.g. ATLAS AML.T…). */
  readonly outside: readonly ExecutedTechnique[];
  /** Every executed technique, in order of first execution. */
  readonly executed: readonly ExecutedTechnique[];
}

/** Executed techniques over all scenarios: highest finite impact and who executed them. */
export function executedTechniques(kb: KnowledgeBase, results: LabResults): ExecutedTechnique[] {
  const out = new Map<string, { impact: number | null; scenarios: string[] }>();
  for (const s of results.scenarios) {
    for (const t of s.techniques) {
      const entry = out.get(t) ?? { impact: null, scenarios: [] };
      out.set(t, entry);
      if (!entry.scenarios.includes(s.id)) entry.scenarios.push(s.id);
      const v = s.impact[t];
      if (v !== undefined && v !== null && Number.isFinite(v)) entry.impact = Math.max(entry.impact ?? -Infinity, v);
    }
  }
  return [...out].map(([technique, e]) => {
    const name = kb.techniqueById.get(technique)?.name ?? kb.atlas?.techniques.find((a) => a.id === technique)?.name;
    return { technique, ...(name !== undefined ? { name } : {}), impact: e.impact, scenarios: e.scenarios };
  });
}

/** Builds the matrix of a knowledge base with the impact measured in `results`. */
export function killChainMatrix(kb: KnowledgeBase, results: LabResults): KillChainMatrix {
  const executed = executedTechniques(kb, results);
  const byId = new Map(executed.map((e) => [e.technique, e]));
  const cells: MatrixCell[] = [];
  kb.tactics.forEach((tactic, column) => {
    kb.techniques
      .filter((t) => t.tactics.includes(tactic.id))
      .forEach((t, row) => {
        const e = byId.get(t.id);
        cells.push({
          tactic: tactic.name,
          tacticId: tactic.id,
          column,
          row,
          technique: t.id,
          name: t.name,
          state: !e ? 'not-executed' : e.impact === null ? 'unmeasured' : 'measured',
          impact: e?.impact ?? null,
          scenarios: e?.scenarios ?? [],
        });
      });
  });
  return {
    tactics: kb.tactics.map((t) => ({ id: t.id, name: t.name })),
    cells,
    outside: executed.filter((e) => !kb.techniqueById.has(e.technique)),
    executed,
  };
}
