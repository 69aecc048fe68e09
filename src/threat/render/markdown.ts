/**
 * Markdown renderings: the matrix (techniques grouped by tactic), an analysis (paths with their
 * explanations and the minimal mitigations), and a single knowledge-base entry with its
 * references (`qmlsec threats show`).
 */
import type { ThreatAnalysis } from '../analyze.js';
import { formatCitation, referenceUrl } from '../interop/atlas-export.js';
import type { KbEntry, KnowledgeBase } from '../knowledge-base.js';
import type { Technique } from '../model.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The matrix: one table per tactic, in ATLAS order. */
export function matrixMarkdown(kb: KnowledgeBase): string {
  const out = [`# QML kill chain (qmlsec knowledge base ${kb.version})`, '', `${kb.techniques.length} techniques, ${kb.mitigations.length} mitigations, ${kb.tactics.length} ATLAS tactics.`, ''];
  for (const tactic of kb.tactics) {
    const techniques = kb.techniques.filter((t) => t.tactics.includes(tactic.id));
    out.push(`## ${tactic.name} (${tactic.id})`, '', tactic.description, '');
    if (techniques.length === 0) {
      out.push('_No QML technique in this tactic._', '');
      continue;
    }
    out.push('| ID | Technique | Layer | Steps | Maturity | ATLAS analogue |', '|---|---|---|---|---|---|');
    for (const t of techniques) out.push(`| ${t.id} | ${cell(t.name)} | ${t.layer} | ${t.steps.join(', ')} | ${t.maturity} | ${t.atlas.join(', ') || '—'} |`);
    out.push('');
  }
  out.push('## Mitigations', '', '| ID | Mitigation | Blocks | Hinders | Cost |', '|---|---|---|---|---|');
  for (const m of kb.mitigations) out.push(`| ${m.id} | ${cell(m.name)} | ${m.blocks.join(', ') || '—'} | ${m.hinders.join(', ') || '—'} | ${m.cost.level}: ${cell(m.cost.note)} |`);
  return `${out.join('\n')}\n`;
}

/** An analysis report. */
export function analysisMarkdown(analysis: ThreatAnalysis): string {
  const out = [
    `# Attack paths: ${analysis.deployment}`,
    '',
    `Knowledge base ${analysis.kbVersion}; exposure ledger: ${analysis.ledgerSource}.`,
    `Mitigations in effect: ${analysis.mitigationsInEffect.join(', ') || 'none'}.`,
  ];
  for (const m of analysis.implied) out.push(`(${m.id} is implied: ${m.reason}.)`);
  out.push('', 'Score = likelihood × impact; likelihood multiplies, per step, maturity (realized 1, demonstrated 0.8, feasible 0.5), stealth (detectability low 1, medium 0.85, high 0.7) and 0.5 per hindering mitigation.', '');
  for (const a of analysis.attackers) {
    out.push(`## ${a.name} (${a.attacker})`, '');
    if (!a.applicable) {
      out.push(`Not applicable: ${a.reason}.`, '');
      continue;
    }
    out.push(`Position: ${a.reason}.`, '');
    for (const o of a.objectives) {
      if (!o.reachable) {
        out.push(`### ${o.name}: not reachable`, '');
        continue;
      }
      out.push(`### ${o.name}: ${o.paths.length} path${o.paths.length === 1 ? '' : 's'}`, '');
      o.paths.forEach((p, i) => {
        out.push(`${i + 1}. **${p.techniques.join(' → ')}** — score ${p.score}`);
        for (const s of p.steps) {
          out.push(`   - ${s.technique} ${s.name} (${s.tactics.join(', ')}): needs ${s.needs.join(', ') || 'nothing'}; gives ${s.gives.join(', ') || 'nothing new'}${s.hinderedBy.length ? `; hindered by ${s.hinderedBy.join(', ')}` : ''}`);
        }
        if (p.startTokens.length > 0) out.push(`   - relies on: ${p.startTokens.join(', ')}`);
      });
      out.push('');
    }
    const cut = a.cut;
    if (cut.mitigations.length === 0 && cut.uncuttableObjectives.length === 0) out.push('No further mitigation needed: no analysed objective is reachable.', '');
    else {
      const exactness = cut.exact ? 'proven minimum' : `found greedily; no cut with fewer than ${cut.lowerBound} mitigations exists`;
      if (cut.mitigations.length > 0) out.push(`**Minimal mitigations** (${exactness}): ${cut.mitigations.join(', ')}`, '');
      if (cut.uncuttableObjectives.length > 0) out.push(`No mitigation in the knowledge base cuts: ${cut.uncuttableObjectives.join(', ')}.`, '');
    }
  }
  return `${out.join('\n')}\n`;
}

function referencesBlock(kb: KnowledgeBase, keys: readonly string[]): string[] {
  if (keys.length === 0) return [];
  const out = ['', 'References:'];
  for (const k of keys) {
    const r = kb.references.get(k);
    if (!r) continue;
    const url = referenceUrl(r);
    out.push(`- ${formatCitation(r)}${url ? ` <${url}>` : ''}`);
  }
  return out;
}

function techniqueBlock(kb: KnowledgeBase, t: Technique): string[] {
  const tactic = (id: string): string => `${kb.tacticById.get(id)?.name ?? id} (${id})`;
  const clauses = t.prerequisites.map((c) => (typeof c === 'string' ? c : `one of ${c.join(' | ')}`));
  const mitigations = kb.mitigations.filter((m) => m.blocks.includes(t.id) || m.hinders.includes(t.id));
  return [
    `# ${t.id} ${t.name}`,
    '',
    t.description,
    '',
    `- Tactics: ${t.tactics.map(tactic).join(', ')}`,
    `- Layer: ${t.layer}; workflow steps: ${t.steps.join(', ')}`,
    `- Assets: ${t.assets.join(', ')}`,
    `- Impact: C ${t.impact.confidentiality}, I ${t.impact.integrity}, A ${t.impact.availability}`,
    `- Attacker positions: ${t.positions.join(', ')}`,
    `- Prerequisites: ${clauses.join('; ') || 'none'}`,
    `- Effects: ${t.effects.join(', ')}`,
    `- ATLAS analogue: ${t.atlas.join(', ') || 'none'}`,
    `- Maturity: ${t.maturity}; detectability: ${t.detectability}`,
    ...(t.labAttack !== undefined ? [`- Lab attack: ${t.labAttack}`] : []),
    `- Mitigations: ${mitigations.map((m) => `${m.id} ${m.name} (${m.blocks.includes(t.id) ? 'blocks' : 'hinders'})`).join('; ') || 'none'}`,
    ...referencesBlock(kb, t.references),
  ];
}

/** One knowledge-base entry (technique, tactic, mitigation, ATLAS entry, objective, profile). */
export function entryMarkdown(kb: KnowledgeBase, entry: KbEntry): string {
  let lines: string[];
  switch (entry.kind) {
    case 'technique':
      lines = techniqueBlock(kb, entry.value);
      break;
    case 'tactic': {
      const t = entry.value;
      const techniques = kb.techniques.filter((x) => x.tactics.includes(t.id));
      lines = [`# ${t.id} ${t.name}`, '', t.description, '', `- Shortname: ${t.shortname}`, `- QML techniques: ${techniques.map((x) => `${x.id} ${x.name}`).join('; ') || 'none'}`];
      break;
    }
    case 'mitigation': {
      const m = entry.value;
      const name = (id: string): string => `${id} ${kb.techniqueById.get(id)?.name ?? ''}`.trim();
      lines = [
        `# ${m.id} ${m.name}`,
        '',
        m.description,
        '',
        `- Category: ${m.category}`,
        `- Blocks: ${m.blocks.map(name).join('; ') || 'none'}`,
        `- Hinders: ${m.hinders.map(name).join('; ') || 'none'}`,
        `- Cost: ${m.cost.level} — ${m.cost.note}`,
        ...referencesBlock(kb, m.references),
      ];
      break;
    }
    case 'atlas-technique': {
      const t = entry.value;
      const ours = kb.techniques.filter((x) => x.atlas.some((a) => a === t.id || a.startsWith(`${t.id}.`)));
      lines = [`# ${t.id} ${t.name} (MITRE ATLAS ${kb.atlas?.version ?? ''})`.trim(), '', t.description, '', `- Tactics: ${t.tactics.join(', ') || '—'}`, ...(t.subtechniqueOf ? [`- Sub-technique of ${t.subtechniqueOf}`] : []), `- QML techniques with this analogue: ${ours.map((x) => x.id).join(', ') || 'none'}`, '', `Source: <https://atlas.mitre.org/techniques/${t.id}>`];
      break;
    }
    case 'atlas-mitigation': {
      const m = entry.value;
      lines = [`# ${m.id} ${m.name} (MITRE ATLAS)`, '', m.description, '', `- ATLAS techniques: ${m.techniques.map((t) => t.id).join(', ') || 'none'}`, '', `Source: <https://atlas.mitre.org/mitigations/${m.id}>`];
      break;
    }
    case 'objective': {
      const o = entry.value;
      lines = [`# Objective ${o.id}: ${o.name}`, '', o.description, '', `- Goal tokens: ${o.goals.join(', ')}`, `- Dimension: ${o.dimension}`];
      break;
    }
    case 'profile': {
      const p = entry.value;
      lines = [`# Attacker ${p.id}: ${p.name}`, '', p.description, '', `- Base tokens: ${p.base.join(', ') || 'none'}`, `- Insider of: ${p.insiderOf.join(', ') || '—'}`];
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}
