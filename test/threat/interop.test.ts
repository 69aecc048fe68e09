import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYamlText } from 'yaml';
import { ValidationError } from '../../src/core/errors.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { analyzeDeployment } from '../../src/threat/analyze.js';
import { parseAtlas, loadAtlasFile, mergeAtlas } from '../../src/threat/interop/atlas-import.js';
import { toAtlasData, toAtlasYaml } from '../../src/threat/interop/atlas-export.js';
import { analysisLayer, matrixLayer } from '../../src/threat/interop/navigator.js';
import { toStixBundle, type StixObject } from '../../src/threat/interop/stix.js';
import { uuidV5 } from '../../src/threat/interop/uuid.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';
import { findEntry } from '../../src/threat/knowledge-base.js';
import { analysisToDot, analysisToMermaid } from '../../src/threat/render/graphs.js';
import { ATLAS_DIR, EXAMPLES, HAVE_ATLAS } from './helpers.js';

const kb = builtinKnowledgeBase();
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(ATLAS_DIR, file), 'utf8'));
if (!HAVE_ATLAS) console.warn(`skipping ATLAS reference tests: ${ATLAS_DIR} is absent`);

describe('UUID v5', () => {
  it('matches published vectors', () => {
    const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5(DNS, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d'); // Python uuid docs
    expect(uuidV5(DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2'); // RFC 9562 A.4
  });
});

describe.skipIf(!HAVE_ATLAS)('against the official ATLAS 5.6 data', () => {
  const atlas = HAVE_ATLAS ? loadAtlasFile(join(ATLAS_DIR, 'ATLAS.yaml')) : undefined;
  const raw = HAVE_ATLAS ? (parseYamlText(readFileSync(join(ATLAS_DIR, 'ATLAS.yaml'), 'utf8')) as { matrices: { tactics: { id: string; name: string }[] }[] }) : undefined;
  const stix = HAVE_ATLAS ? (readJson('stix-atlas.json') as { objects: StixObject[] }) : undefined;

  it('uses ATLAS tactic IDs, names, order and shortnames', () => {
    const theirs = raw?.matrices[0]?.tactics ?? [];
    expect(kb.tactics.map((t) => [t.id, t.name])).toEqual(theirs.map((t) => [t.id, t.name]));
    const shortnames = new Map(
      (stix?.objects ?? []).filter((o) => o.type === 'x-mitre-tactic').map((o) => [(o.external_references as { external_id: string }[])[0]?.external_id, o.x_mitre_shortname]),
    );
    for (const t of kb.tactics) expect(t.shortname).toBe(shortnames.get(t.id));
  });

  it('imports the data file and finds every ATLAS analogue and mitigation name we use', () => {
    expect(atlas?.version).toBe('5.6.0');
    expect(atlas?.techniques).toHaveLength(170);
    expect(atlas?.mitigations).toHaveLength(35);
    const { kb: merged, report } = mergeAtlas(kb, atlas as never);
    expect(report.missingAnalogues).toEqual([]);
    expect(report.mitigationMismatches).toEqual([]);
    expect(findEntry(merged, 'AML.T0024.002')).toMatchObject({ kind: 'atlas-technique', value: { name: 'Extract AI Model', subtechniqueOf: 'AML.T0024' } });
    expect(findEntry(merged, 'aml.t0024.002')?.kind).toBe('atlas-technique');
  });

  it('exports ATLAS-format data that validates against ATLAS\'s output schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validateAtlas = ajv.compile(readJson('atlas_output_schema.json') as object);
    expect(validateAtlas(parseYamlText(readFileSync(join(ATLAS_DIR, 'ATLAS.yaml'), 'utf8')))).toBe(true); // the validator accepts ATLAS itself
    const ok = validateAtlas(toAtlasData(kb));
    expect(validateAtlas.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validateAtlas(parseYamlText(toAtlasYaml(kb)))).toBe(true);
    // A broken export is rejected: the schema is really checking something.
    const broken = toAtlasData(kb) as { matrices: { techniques: { tactics: string[] }[] }[] };
    (broken.matrices[0]?.techniques[0] as { tactics: string[] }).tactics = ['Reconnaissance'];
    expect(validateAtlas(broken)).toBe(false);
  });

  it('writes STIX in ATLAS\'s conventions', () => {
    const ours = toStixBundle(kb);
    const theirAp = (stix?.objects ?? []).find((o) => o.type === 'attack-pattern' && !o.x_mitre_is_subtechnique) as StixObject;
    const ourAp = ours.objects.find((o) => o.type === 'attack-pattern') as StixObject;
    for (const key of Object.keys(theirAp)) expect(ourAp, key).toHaveProperty(key);
    const theirPhases = new Set((stix?.objects ?? []).filter((o) => o.type === 'attack-pattern').flatMap((o) => (o.kill_chain_phases as { kill_chain_name: string; phase_name: string }[]) ?? []).map((p) => `${p.kill_chain_name}/${p.phase_name}`));
    for (const o of ours.objects.filter((x) => x.type === 'attack-pattern')) {
      for (const p of o.kill_chain_phases as { kill_chain_name: string; phase_name: string }[]) expect(theirPhases.has(`${p.kill_chain_name}/${p.phase_name}`)).toBe(true);
    }
  });

  it('writes Navigator layers with ATLAS\'s domain and tactic shortnames', () => {
    const sample = readJson('navigator-layers/atlas_layer_matrix.json') as { domain: string; techniques: { techniqueID: string; tactic?: string }[] };
    const tactics = new Set(sample.techniques.map((t) => t.tactic).filter((t) => t !== undefined));
    const layer = matrixLayer(kb);
    expect(layer.domain).toBe(sample.domain);
    for (const t of layer.techniques) expect(tactics.has(t.tactic as string), t.tactic).toBe(true);
    const atlasIds = new Set(sample.techniques.map((t) => t.techniqueID));
    const mapped = matrixLayer(kb, 'atlas');
    expect(mapped.techniques.length).toBeGreaterThan(20);
    for (const t of mapped.techniques) expect(atlasIds.has(t.techniqueID), t.techniqueID).toBe(true);
  });
});

describe('ATLAS import validation', () => {
  const GOOD = `id: ATLAS
name: test
version: 1.0.0
matrices:
- id: ATLAS
  name: m
  tactics:
  - { id: AML.TA0002, name: Reconnaissance, description: d, object-type: tactic }
  techniques:
  - { id: AML.T0000, name: Search, description: d, object-type: technique, tactics: [AML.TA0002], maturity: demonstrated }
  - { id: AML.T0000.000, name: Journals, description: d, object-type: technique, subtechnique-of: AML.T0000 }
  mitigations:
  - { id: AML.M0000, name: Limit, description: d, object-type: mitigation, techniques: [{ id: AML.T0000, use: u }] }
`;
  const pathOf = (text: string): string => {
    try {
      parseAtlas(text, 'a.yaml');
    } catch (err) {
      if (err instanceof ValidationError) return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
      throw err;
    }
    return 'valid';
  };

  it('accepts a well-formed file and gives sub-techniques their parent\'s tactics', () => {
    const c = parseAtlas(GOOD);
    expect(c.techniques.map((t) => [t.id, t.tactics])).toEqual([['AML.T0000', ['AML.TA0002']], ['AML.T0000.000', ['AML.TA0002']]]);
    expect(c.mitigations[0]?.techniques).toEqual([{ id: 'AML.T0000', use: 'u' }]);
  });

  it('names the path of each problem', () => {
    expect(pathOf(GOOD.replace('tactics: [AML.TA0002], maturity', 'tactics: [AML.TA0099], maturity'))).toBe('matrices.0.techniques.0.tactics.0: unknown tactic "AML.TA0099"');
    expect(pathOf(GOOD.replace('subtechnique-of: AML.T0000 ', 'subtechnique-of: AML.T0042 '))).toBe('matrices.0.techniques.1.subtechnique-of: unknown parent technique "AML.T0042"');
    expect(pathOf(GOOD.replace("[{ id: AML.T0000, use: u }]", "[{ id: AML.T0001, use: u }]"))).toBe('matrices.0.mitigations.0.techniques.0.id: unknown technique "AML.T0001"');
    expect(pathOf(GOOD.replace('name: Search, ', ''))).toMatch(/^matrices\.0\.techniques\.0\.name: /);
    expect(pathOf(GOOD.replace('maturity: demonstrated', 'maturity: rumoured'))).toMatch(/^matrices\.0\.techniques\.0\.maturity: must be one of/);
    expect(pathOf('id: x\nname: y\nversion: 1\n')).toMatch(/^matrices: /);
  });

  it('reads back our own ATLAS-format export', () => {
    const back = parseAtlas(toAtlasYaml(kb));
    expect(back.techniques.map((t) => t.id)).toEqual(kb.techniques.map((t) => t.id));
    expect(back.mitigations.map((m) => m.id)).toEqual(kb.mitigations.map((m) => m.id));
  });
});

describe('STIX bundle', () => {
  const bundle = toStixBundle(kb);
  const ID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is structurally valid STIX 2.1', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(ID);
    const ids = new Set<string>();
    for (const o of bundle.objects) {
      expect(o.id).toMatch(ID);
      expect(o.id.startsWith(`${o.type}--`)).toBe(true);
      expect(ids.has(o.id)).toBe(false);
      ids.add(o.id);
      expect(o.spec_version).toBe('2.1');
      expect(o.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(o.modified >= o.created).toBe(true);
      for (const key of Object.keys(o)) expect(key).toMatch(/^[a-z0-9_]+$/);
      // Custom properties: x_ prefix, at least 3 characters (STIX 2.1 §11.1).
      for (const key of Object.keys(o).filter((k) => k.startsWith('x_'))) expect(key).toMatch(/^x_[a-z0-9_]{1,248}$/);
    }
    for (const o of bundle.objects) {
      for (const key of ['source_ref', 'target_ref', 'created_by_ref']) if (o[key] !== undefined) expect(ids.has(o[key] as string), `${o.id} ${key}`).toBe(true);
      for (const ref of (o.tactic_refs as string[] | undefined) ?? []) expect(ids.has(ref)).toBe(true);
    }
  });

  it('has one object per tactic, technique and mitigation, and one relationship per block/hinder', () => {
    const count = (type: string) => bundle.objects.filter((o) => o.type === type).length;
    expect(count('x-mitre-tactic')).toBe(16);
    expect(count('attack-pattern')).toBe(kb.techniques.length);
    expect(count('course-of-action')).toBe(kb.mitigations.length);
    expect(count('relationship')).toBe(kb.mitigations.reduce((s, m) => s + m.blocks.length + m.hinders.length, 0));
    const matrix = bundle.objects.find((o) => o.type === 'x-mitre-matrix');
    const tacticIds = bundle.objects.filter((o) => o.type === 'x-mitre-tactic').map((o) => o.id);
    expect(matrix?.tactic_refs).toEqual(tacticIds);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(toStixBundle(kb))).toBe(JSON.stringify(bundle));
  });
});

describe('layers and graphs of an analysis', () => {
  const analysis = analyzeDeployment(kb, loadDeployment({ file: join(EXAMPLES, 'public-inference-api.yaml') }), { maxPaths: 3 });

  it('writes a 4.5 layer scored by the best path through each technique', () => {
    const layer = analysisLayer(kb, analysis);
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.versions.navigator.split('.').map(Number)[0]).toBeGreaterThanOrEqual(5);
    const best = new Map<string, number>();
    for (const a of analysis.attackers) for (const o of a.objectives) for (const p of o.paths) for (const t of p.techniques) best.set(t, Math.max(best.get(t) ?? 0, Math.round(p.score * 100)));
    const byId = new Map(layer.techniques.map((t) => [t.techniqueID, t.score]));
    expect(byId).toEqual(best);
    for (const t of layer.techniques) {
      expect(t.score).toBeGreaterThanOrEqual(layer.gradient.minValue);
      expect(t.score).toBeLessThanOrEqual(layer.gradient.maxValue);
    }
  });

  it('draws every path edge in DOT and Mermaid', () => {
    const edges = new Set<string>();
    for (const a of analysis.attackers) {
      for (const o of a.objectives) {
        for (const p of o.paths) {
          const nodes = [`attacker:${a.attacker}`, ...p.techniques.map((t) => `technique:${t}`), `objective:${o.id}`];
          for (let i = 1; i < nodes.length; i++) edges.add(`${nodes[i - 1]}->${nodes[i]}`);
        }
      }
    }
    const dot = analysisToDot(analysis);
    expect(dot.startsWith('digraph ')).toBe(true);
    expect(dot.trim().endsWith('}')).toBe(true);
    const dotEdges = [...dot.matchAll(/^ {2}"([^"]+)" -> "([^"]+)";$/gm)].map((m) => `${m[1]}->${m[2]}`);
    expect(new Set(dotEdges)).toEqual(edges);
    const declared = new Set([...dot.matchAll(/^ {2}"([^"]+)" \[label=/gm)].map((m) => m[1]));
    for (const e of dotEdges) for (const n of e.split('->')) expect(declared.has(n)).toBe(true);
    const mermaid = analysisToMermaid(analysis);
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect([...mermaid.matchAll(/ --> /g)]).toHaveLength(edges.size);
  });
});
