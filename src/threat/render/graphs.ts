/**
 * Attack paths as graphs: Graphviz DOT and Mermaid flowcharts. Each attacker is an ellipse,
 * each technique a box (shared between paths), each objective a double octagon; an edge
 * follows each path from the attacker through its techniques to the objective.
 */
import type { ThreatAnalysis } from '../analyze.js';

interface Graph {
  readonly nodes: Map<string, { label: string; kind: 'attacker' | 'technique' | 'objective' }>;
  readonly edges: Map<string, { from: string; to: string }>;
}

function collect(analysis: ThreatAnalysis): Graph {
  const nodes: Graph['nodes'] = new Map();
  const edges: Graph['edges'] = new Map();
  const edge = (from: string, to: string): void => {
    edges.set(`${from}->${to}`, { from, to });
  };
  for (const a of analysis.attackers) {
    const reached = a.objectives.filter((o) => o.paths.length > 0);
    if (reached.length === 0) continue;
    const attacker = `attacker:${a.attacker}`;
    nodes.set(attacker, { label: a.name, kind: 'attacker' });
    for (const o of reached) {
      const objective = `objective:${o.id}`;
      nodes.set(objective, { label: o.name, kind: 'objective' });
      for (const p of o.paths) {
        let prev = attacker;
        for (const s of p.steps) {
          const id = `technique:${s.technique}`;
          nodes.set(id, { label: `${s.technique}\n${s.name}`, kind: 'technique' });
          edge(prev, id);
          prev = id;
        }
        edge(prev, objective);
      }
    }
  }
  return { nodes, edges };
}

function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The analysis's attack paths as a Graphviz DOT digraph. */
export function analysisToDot(analysis: ThreatAnalysis): string {
  const g = collect(analysis);
  const shape = { attacker: 'ellipse', technique: 'box', objective: 'doubleoctagon' } as const;
  const lines = [
    `digraph ${dotString(`qmlsec ${analysis.deployment}`)} {`,
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
  ];
  for (const [id, n] of g.nodes) lines.push(`  ${dotString(id)} [label=${dotString(n.label)}, shape=${shape[n.kind]}];`);
  for (const e of g.edges.values()) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

function mermaidLabel(s: string): string {
  return `"${s.replace(/"/g, '#quot;').replace(/\n/g, '<br/>')}"`;
}

/** The analysis's attack paths as a Mermaid flowchart. */
export function analysisToMermaid(analysis: ThreatAnalysis): string {
  const g = collect(analysis);
  const lines = ['flowchart LR'];
  for (const [id, n] of g.nodes) {
    const label = mermaidLabel(n.label);
    const node = n.kind === 'attacker' ? `(${label})` : n.kind === 'objective' ? `{{${label}}}` : `[${label}]`;
    lines.push(`  ${mermaidId(id)}${node}`);
  }
  for (const e of g.edges.values()) lines.push(`  ${mermaidId(e.from)} --> ${mermaidId(e.to)}`);
  return `${lines.join('\n')}\n`;
}
